/** Said while a Makini Link sign-in waits in the browser, with its page in case the browser did not open it. */
export function SignInWaiting({ authorizeUrl }: { authorizeUrl: string | null }) {
  if (!authorizeUrl) return null;
  return (
    <p className="info-box" role="status">
      Waiting for the sign-in in your browser.{' '}
      <a href={authorizeUrl} target="_blank" rel="noreferrer noopener">
        Open the sign-in page
      </a>{' '}
      if it did not open.
    </p>
  );
}
