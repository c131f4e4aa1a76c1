import { nextBookableDays } from "@/lib/catalogue/rules";
import { addMonths, daysOfMonth, monthOfDay, parisDay, parseDay, publicHoliday, weekday, type Day } from "@/lib/dates";

// Every journey has a household of its own: a parent with an active account,
// the children it needs (in the demo's classes), a QF, and any booking it
// takes as given. They are built by e2e/seed.ts with the shared factories
// (lib/factories.ts), on the server's fresh database, before the server
// starts: the journeys run against `next start`, whose embedded database
// only that process may open, so nothing can be added from here at run time.
// A journey changes nothing but its own household (and what it makes
// itself), so each runs alone and in any order. Plain data: this module is
// read by the seed script and by the journeys alike.

/** The demo's classes (prisma/seed-data.ts): the canteen asks for the child's class. */
const CLASSES = {
  CM1A: { site: "Élémentaire Mitterrand", name: "CM1A" },
  MS: { site: "Maternelle Les Lilas", name: "MS" },
} as const;

type ChildSpec = { firstName: string; birthDate: string; schoolClass: keyof typeof CLASSES };

export const EMMA: ChildSpec = { firstName: "Emma", birthDate: "2016-05-09", schoolClass: "CM1A" };
export const LUCAS: ChildSpec = { firstName: "Lucas", birthDate: "2021-11-23", schoolClass: "MS" };

/**
 * Canteen days of next month from the 15th on: open in the seed, still
 * bookable by parents (booking opens the current month and the next), and
 * two weeks or more from their deadline whenever the run starts.
 */
export function laterCanteenDays(now = new Date()): Day[] {
  return daysOfMonth(addMonths(monthOfDay(parisDay(now)), 1)).filter(
    (d) => [1, 2, 4, 5].includes(weekday(d)) && !publicHoliday(d) && parseDay(d).date >= 15,
  );
}

/** `paid`: the day comes with its invoice, paid at the counter (a family that booked and paid earlier). */
type SeededBooking = { child: string; product: "Repas cantine"; day: Day; paid?: boolean };

export type Household = {
  /** The household's name, also its members' last name: unique in the run. */
  name: string;
  /** The parent's sign-in: identifiant or email, with the password. */
  identifiant: string;
  email: string;
  password: string;
  parent: { firstName: string };
  address: { address1: string; postalCode: string; city: string };
  qf: number;
  regime: "RG";
  children: ChildSpec[];
  /** Another adult of the household, without an account. */
  conjoint?: string;
  bookings: SeededBooking[];
  /** A member as the portal names them: "Emma ARNAUD". */
  member: (firstName: string) => { firstName: string; fullName: string };
};

let count = 0;

function household(name: string, spec: { children?: ChildSpec[]; conjoint?: string; bookings?: SeededBooking[]; city?: { postalCode: string; city: string } } = {}): Household {
  count += 1;
  return {
    name,
    // Identifiants are 8 hex digits; "e2e0" marks these, the rest numbers them.
    identifiant: `e2e0${count.toString(16).padStart(4, "0")}`,
    email: `claire.${name.toLowerCase()}@exemple.fr`,
    password: "Famille-e2e-2026",
    parent: { firstName: "Claire" },
    address: { address1: `${count} allée des ${name.charAt(0)}${name.slice(1).toLowerCase()}`, ...(spec.city ?? { postalCode: "34480", city: "Magalas" }) },
    qf: 351,
    regime: "RG",
    children: spec.children ?? [],
    conjoint: spec.conjoint,
    bookings: spec.bookings ?? [],
    member: (firstName) => ({ firstName, fullName: `${firstName} ${name}` }),
  };
}

const later = laterCanteenDays();

/** One household per journey, by spec file. Names are distinct and none is part of another or of a demo name. */
export const HOUSEHOLDS = {
  booking: {
    qfPrice: household("ARNAUD", { children: [EMMA, LUCAS] }),
    siblings: household("BARRAL", { children: [EMMA, LUCAS], bookings: [{ child: "Emma", product: "Repas cantine", day: later[0] }] }),
    full: household("CASTEL", { children: [EMMA, LUCAS] }),
    deadline: household("DELORME", { children: [EMMA] }),
    dayList: household("ESTEVE", { children: [EMMA], bookings: [{ child: "Emma", product: "Repas cantine", day: later[0] }] }),
    victim: household("FERRAND", { children: [EMMA] }),
    intruder: household("GARCIN"),
  },
  payment: {
    online: household("HUGUET", { children: [LUCAS] }),
    refused: household("IZARD", { children: [EMMA] }),
    abandoned: household("JOURDAN", { children: [LUCAS] }),
    identifier: household("LAFONT", { children: [EMMA] }),
    owner: household("MAUREL", { children: [EMMA] }),
    other: household("NOGUES", { children: [EMMA] }),
    counter: household("PEYRE", { children: [EMMA] }),
  },
  money: household("RIGAUD", { children: [EMMA] }),
  documents: {
    overwrite: household("SABATIER", { children: [LUCAS] }),
    deleted: household("TEISSIER", { children: [EMMA] }),
  },
  demarches: {
    address: household("VERDIER", { children: [EMMA] }),
    newChild: household("ALBOUY", { children: [EMMA] }),
    member: household("BOUSQUET", { children: [EMMA] }),
  },
  crossHousehold: {
    victim: household("COMBES", { children: [EMMA] }),
    attacker: household("DOUMERGUE"),
  },
  badFiles: household("ESCANDE", { children: [EMMA], conjoint: "Paul" }),
  password: {
    reset: household("FOULQUIER"),
    throttled: household("GAUBERT"),
    parent: household("HOARAU"),
  },
  securityHeaders: household("JULLIEN"),
  staffReview: household("LABORDE", { children: [EMMA], conjoint: "Paul" }),
  // Issue 11: the family calendar on a phone, absences, the feed, the cards.
  calendar: {
    month: household("MARCOUX", { children: [EMMA, LUCAS] }),
    keyboard: household("NAVARRO", { children: [EMMA, LUCAS] }),
    cancel: household("OURLIAC", { children: [EMMA], bookings: [{ child: "Emma", product: "Repas cantine", day: later[1], paid: true }] }),
  },
  absence: household("PALAZY", {
    children: [EMMA],
    bookings: [
      { child: "Emma", product: "Repas cantine", day: later[0], paid: true },
      { child: "Emma", product: "Repas cantine", day: later[1], paid: true },
    ],
  }),
  // Books and pays a leisure-centre half-day itself: the demo canteen credits absences at once, so never reaches staff.
  absenceStaff: household("SOULIE", { children: [EMMA] }),
  feed: household("QUINTANE", { children: [EMMA], bookings: [{ child: "Emma", product: "Repas cantine", day: later[2], paid: true }] }),
  phoneCards: household("ROUQUETTE", { children: [EMMA, LUCAS] }),
  // Issue 12: the focus ring on the family's blue header and menu.
  focusRing: household("VIDALOU", { children: [EMMA] }),
  // Issue 12: the footer mention and the declaration, from a family's pages.
  declaration: household("BRUNEL", { children: [EMMA] }),
  // Issue 12: an invoice paid and one awaiting payment, read as accessible HTML pages.
  accessibleInvoice: household("CABANEL", {
    children: [EMMA],
    bookings: [{ child: "Emma", product: "Repas cantine", day: later[0], paid: true }],
  }),
  // Issue 12: every family form submitted wrong, focus on its error summary.
  formErrors: household("DAUDE", { children: [EMMA] }),
  // Issue 12: service emails turned off from a mail, then back on in Mon espace.
  emails: household("FABRE", { children: [EMMA] }),
  // Issue 12: every family page at 200 % text on a 360 px screen.
  reflow: household("GLEIZES", {
    children: [EMMA, LUCAS],
    conjoint: "Paul",
    bookings: [{ child: "Emma", product: "Repas cantine", day: later[0], paid: true }],
  }),
  // Issue 13: a holiday-centre campaign. Two households of the authority (one
  // with siblings asked together) and one from another town, for three places:
  // with "residents first" the outsider waits, whatever the draw.
  campaign: {
    siblings: household("TARBOURIECH", { children: [EMMA, LUCAS] }),
    resident: household("VAISSIERE", { children: [EMMA] }),
    outsider: household("ZANETTI", { children: [EMMA], city: { postalCode: "34120", city: "Pézenas" } }),
  },
  // Issue 13: first come, first served with a waiting list. The day's only
  // place is taken (e2e/seed.ts); the other family queues and is offered the
  // place when staff add one.
  waitlist: {
    holder: household("BOUDOU", { children: [EMMA] }),
    waiting: household("AUZIAS", { children: [EMMA] }),
  },
  // Issue 14: a parent fills a child's health file (with a PAI staff accept)
  // and contacts; the child has a canteen day, where staff see the PAI; then
  // the yearly update. The certificate household paid a year of days
  // (e2e/seed.ts); the closing one downloads its data and leaves.
  familyFile: {
    health: household("ROQUEFEUIL", { children: [EMMA, LUCAS], bookings: [{ child: "Lucas", product: "Repas cantine", day: later[3] }] }),
    certificate: household("TREMOLET", { children: [EMMA, youngChild()] }),
    // Its child's file is complete; its proof of address, checked five months ago, is valid three.
    update: household("SOUBEYRAN", { children: [EMMA] }),
    closing: household("MALAVAL", { children: [EMMA], bookings: [{ child: "Emma", product: "Repas cantine", day: later[4], paid: true }] }),
  },
};

/** Every household above, for the seed. */
export function allHouseholds(): Household[] {
  const out: Household[] = [];
  const walk = (node: object) => {
    for (const value of Object.values(node)) {
      if (value && typeof value === "object" && "identifiant" in value) out.push(value as Household);
      else if (value && typeof value === "object") walk(value);
    }
  };
  walk(HOUSEHOLDS);
  const names = out.map((h) => h.name);
  const clash = names.find((n, i) => names.some((m, j) => i !== j && (m.includes(n) || n.includes(m))));
  if (clash) throw new Error(`Two journeys' households share a name: ${clash}`);
  return out;
}

export { CLASSES };

/**
 * The waiting-list journey's day on the campaign journey's centre: a
 * Wednesday two or three weeks ahead (in the months open to booking, its
 * deadline still a week away), months before the campaign's week. e2e/seed.ts opens it with one
 * place, taken by the holder.
 */
export function waitlistDay(now = new Date()): Day {
  return nextBookableDays(now, { weekdays: [3], deadlineDays: 7, deadlineTime: "12:00", count: 2 })[1];
}

/** A child under 6 on 1 January of last year, whatever the year the journeys run. */
function youngChild(now = new Date()): ChildSpec {
  return { firstName: "Léo", birthDate: `${certificateYear(now) - 4}-06-15`, schoolClass: "MS" };
}

/** The year staff issue tax certificates for in January: the one before the current Paris year. */
export function certificateYear(now = new Date()): number {
  return parseDay(parisDay(now)).year - 1;
}

/**
 * The certificate household's year (e2e/seed.ts): three days of this
 * eligible centre product paid on one invoice, one of them then cancelled
 * and credited, and two canteen meals (not eligible) paid; the certificate
 * counts Léo's two remaining days.
 */
export const CERTIFICATE_CENTRE = { name: "Journée — Centre des Garrigues", unitPriceCents: 1450, days: 3, cancelled: 1 };

/** The product the campaign journey opens a campaign on (made by e2e/seed.ts, three places a day). */
export const CAMPAIGN_PRODUCT = "Vacances — Centre de la Plage";
