export { FileField } from "./file-field";
export {
  UploadError,
  useDocumentUpload,
  type UploadDriver,
  type UploadReceipt,
  type UploadStatus,
} from "./use-document-upload";
export { precheckFile } from "./prepare";
