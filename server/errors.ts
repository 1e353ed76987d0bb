/** A request parameter that is well-formed but wrong (an unknown NvI, document or paragraph). */
export class BadParameterError extends Error {
  override name = 'BadParameterError';
  readonly statusCode = 400;
  constructor(
    readonly parameter: string,
    message: string,
    /** The value that was refused, for pages to show (the message has it for the API). */
    readonly value?: string,
  ) {
    super(message);
  }

  /** `?q=a&q=b`: every parameter is given once; the schema's type error says the same. */
  static repeated(parameter: string): BadParameterError {
    return new BadParameterError(parameter, `parameter "${parameter}" ${BadParameterError.ONCE}`);
  }

  static readonly ONCE = 'must be given once, as text';
}

/** Nothing at this address (an unknown VID, document or paragraph in a path). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  readonly statusCode = 404;
}
