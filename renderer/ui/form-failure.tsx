/** Why an action failed, announced where the form shows it; nothing when it did not. */
export function FormFailure({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="error-box" role="alert">
      {message}
    </p>
  );
}
