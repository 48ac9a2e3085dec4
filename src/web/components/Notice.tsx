/** @module What a page shows while it loads, or when its request failed. */
export function Loading({ what = 'data' }: { what?: string }) {
  return (
    <p class="loading" role="status">
      Loading {what}…
    </p>
  )
}

export function ErrorNotice({ error, what = 'this page' }: { error: { status: number; message: string }; what?: string }) {
  return (
    <div class="error" role="alert">
      <h2>{error.status === 404 ? 'Not found' : `Could not load ${what}`}</h2>
      <p>
        {error.status === 404
          ? `There is no ${what.replace(/^the /, '')} at this address: the link may be mistyped, or the record was merged or removed.`
          : error.status === 0 || error.status >= 500
            ? `The server did not answer as it should (${error.message}). Try again in a moment.`
            : error.message}
      </p>
      <p>
        <a href="/">Back to the overview</a>
      </p>
    </div>
  )
}
