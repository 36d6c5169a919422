/** A photo that could not be processed on the phone; `message` is Chinese and shown to the inspector as is. */
export class PhotoProcessingError extends Error {
  override readonly name = "PhotoProcessingError";
}
