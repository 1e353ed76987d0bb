/** A request parameter that is well-formed but wrong (an unknown NvI, document or paragraph). */
export class BadParameterError extends Error {
  override name = 'BadParameterError';
  readonly statusCode = 400;
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** Nothing at this address (an unknown VID, document or paragraph in a path). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  readonly statusCode = 404;
}
