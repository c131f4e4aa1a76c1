import "server-only";

// The child's file: health, the people around the child, consents. Parent
// writes take the acting parent and are scoped to their household; staff
// writes take a staff actor.
export { childFileGaps, CONSENT_KINDS, type ChildFileGaps } from "./gaps";
export { CHILD_NOT_FOUND } from "./child";
export { saveHealthFile, applyHealthUpdateInTx, HEALTH_REQUEST_PENDING, type SaveHealthFileResult } from "./health";
export { addPickupPerson, removePickupPerson, PICKUP_PERSON_GONE } from "./contacts";
export { saveConsents, type ConsentAnswer } from "./consents";
export { saveStaffNotes } from "./staff";
export { getChildFile, listChildFilesForStaff, type ChildFileDto, type StaffChildFileDto, type FileDocumentDto } from "./read";
export { healthMarks, type HealthMarks } from "./marks";
