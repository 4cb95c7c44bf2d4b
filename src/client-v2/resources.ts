/** NocoBase's answer body: the record or records, with their count for a paginated list. */
export interface Body<T> {
  data: T;
  meta?: { count?: number };
}
