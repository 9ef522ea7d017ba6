/** Element Plus form validators shared by the console's forms. */
export type Validator = (rule: unknown, value: unknown, callback: (error?: Error) => void) => void

/**
 * A number from `min` to `max` (empty allowed when `optional`); `message` words the refusal with the
 * bounds in the form's own terms.
 */
export const between =
  (message: (min: number, max: number) => string) =>
  (min: number, max: number, optional = false): Validator =>
  (_rule, value, callback) =>
    callback(
      (value === null || value === undefined) && optional
        ? undefined
        : typeof value !== 'number' || value < min || value > max
          ? new Error(message(min, max))
          : undefined,
    )
