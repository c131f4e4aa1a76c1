import { hashPassword } from "@/lib/auth/passwords";
import type { Db, Tx } from "@/lib/db/client";
import type { Civility, Quality, Regime, Role, UserStatus } from "@/lib/generated/prisma/client";
import { newIdentifiant } from "@/lib/accounts/identifiant";

// Builders shared by the seed, the integration tests and the e2e fixtures,
// so that demo data and test data are made the same way as real data.

type PersonSpec = {
  quality: Quality;
  civility?: Civility;
  firstName: string;
  lastName: string;
  birthDate?: string;
  phone?: string;
  mobile?: string;
  email?: string;
  schoolClassId?: string;
};

export async function createHousehold(
  db: Db | Tx,
  spec: {
    name: string;
    address1: string;
    postalCode: string;
    city: string;
    qf?: number;
    qfValidUntil?: string;
    regime?: Regime;
    cafNumber?: string;
    members: PersonSpec[];
  },
) {
  return db.household.create({
    data: {
      name: spec.name,
      address1: spec.address1,
      postalCode: spec.postalCode,
      city: spec.city,
      qf: spec.qf,
      qfValidUntil: spec.qfValidUntil ? new Date(`${spec.qfValidUntil}T00:00:00Z`) : undefined,
      regime: spec.regime,
      cafNumber: spec.cafNumber,
      members: {
        create: spec.members.map((m) => ({
          ...m,
          birthDate: m.birthDate ? new Date(`${m.birthDate}T00:00:00Z`) : undefined,
        })),
      },
    },
    include: { members: true },
  });
}

export async function createAccount(
  db: Db | Tx,
  spec: {
    email: string;
    password?: string;
    firstName: string;
    lastName: string;
    civility?: Civility;
    birthDate?: string;
    phone?: string;
    mobile?: string;
    role?: Role;
    status?: UserStatus;
    identifiant?: string;
    personId?: string;
    identityFileId?: string;
  },
) {
  const { password, birthDate, ...rest } = spec;
  return db.user.create({
    data: {
      ...rest,
      email: spec.email.toLowerCase(),
      identifiant: spec.identifiant ?? (await newIdentifiant(db as Tx)),
      birthDate: birthDate ? new Date(`${birthDate}T00:00:00Z`) : undefined,
      role: spec.role ?? "PARENT",
      status: spec.status ?? "ACTIVE",
      emailConfirmedAt: spec.status === "PENDING_EMAIL" ? undefined : new Date(),
      password: password ? { create: { hash: await hashPassword(password) } } : undefined,
    },
  });
}
