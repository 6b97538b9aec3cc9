interface PagerProps {
  summary: string;
  hasPrevious: boolean;
  hasNext: boolean;
  previousLabel: string;
  nextLabel: string;
  onPrevious(): void;
  onNext(): void;
}

/** Previous/next over cursor pages, with a count beside them. */
export function Pager({ summary, hasPrevious, hasNext, previousLabel, nextLabel, onPrevious, onNext }: PagerProps) {
  return (
    <div className="pager">
      <span>{summary}</span>
      <button type="button" className="button button-small" disabled={!hasPrevious} onClick={onPrevious}>
        {previousLabel}
      </button>
      <button type="button" className="button button-small" disabled={!hasNext} onClick={onNext}>
        {nextLabel}
      </button>
    </div>
  );
}
