/** The message NocoBase's API answered with (`{ errors: [{ message }] }`), or the error's own. */
export function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { errors?: Array<{ message?: string }> } } })?.response;
  const first = response?.data?.errors?.[0]?.message;
  if (first) {
    return first;
  }
  return error instanceof Error ? error.message : String(error);
}
