export function ErrorBanner({ message }: { message: string | null | undefined }) {
  if (message == null || message === "") return null;
  return (
    <div className="banner banner-error" role="alert">
      {message}
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" aria-busy="true">
      {label}
    </p>
  );
}
