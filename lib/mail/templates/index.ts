export { EmailLayout, portalTitle, PREVIEW_SETTINGS, PREVIEW_APP_URL } from "./email-layout";
export { RegistrationConfirmEmail, type RegistrationConfirmEmailProps } from "./registration-confirm-email";
export { AccountAlreadyExistsEmail, type AccountAlreadyExistsEmailProps } from "./account-already-exists-email";
export { PasswordResetEmail, type PasswordResetEmailProps } from "./password-reset-email";
export { AccountVerifiedEmail, type AccountVerifiedEmailProps } from "./account-verified-email";
export { AccountRejectedEmail, type AccountRejectedEmailProps } from "./account-rejected-email";
export { StaffInvitationEmail, type StaffInvitationEmailProps } from "./staff-invitation-email";
export { PasswordChangedEmail, type PasswordChangedEmailProps } from "./password-changed-email";
export {
  ReviewDecisionEmail,
  reviewDecisionSubject,
  type ReviewDecisionEmailProps,
} from "./review-decision-email";
export { EmailChangeEmail, type EmailChangeEmailProps } from "./email-change-email";
export {
  ReminderDeadlineEmail,
  reminderDeadlineSubject,
  type ReminderDeadlineEmailProps,
} from "./reminder-deadline-email";
export { ReminderHoldEmail, reminderHoldSubject, type ReminderHoldEmailProps } from "./reminder-hold-email";
export { PaymentStartedEmail, paymentStartedSubject, type PaymentStartedEmailProps } from "./payment-started-email";
export {
  PaymentResultEmail,
  paymentResultSubject,
  type PaymentOutcome,
  type PaymentResultEmailProps,
} from "./payment-result-email";
export { TaxCertificateEmail, taxCertificateSubject, type TaxCertificateEmailProps } from "./tax-certificate-email";
