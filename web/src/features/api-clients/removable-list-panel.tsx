import { useState, type ReactNode } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { useI18n } from "../../lib/i18n";

interface Texts {
  title: string;
  add: string;
  /** Why Add is off once the list is full. */
  full: string;
  /** Why Remove is off on the last item. */
  last: string;
  removeTitle(item: string): string;
  removeBody: string;
}

interface Props<Item extends { id: string }> {
  /** Prefix of the element ids (`<id>-title`, `<id>-max-reason`, `<id>-last-reason`). */
  id: string;
  items: Item[];
  max: number;
  canEdit: boolean;
  texts: Texts;
  /** The table's header cells, without the actions column. */
  headers: string[];
  /** One row's cells, without the actions cell. */
  cells(item: Item): ReactNode;
  /** How the item is named in its Remove button's label and the confirmation. */
  nameOf(item: Item): string;
  rowClass?(item: Item): string | undefined;
  remove(item: Item): Promise<{ error: { message: string } } | object>;
  removing: boolean;
  onRemoved(item: Item): void;
  /** The Add dialog, rendered while adding; it calls close when done or cancelled. */
  addDialog(close: () => void): ReactNode;
}

/**
 * A secretless client's keys or federated credentials: a table (cards on a phone) that owners add
 * to, up to `max`, and remove from, never the last item, after a confirmation.
 */
export function RemovableListPanel<Item extends { id: string }>(props: Props<Item>) {
  const { t } = useI18n();
  const { id, items, max, canEdit, texts } = props;
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Item | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const isLast = items.length <= 1;
  const atMax = items.length >= max;
  const confirmRemove = async () => {
    if (removing === null) return;
    const result = await props.remove(removing);
    if ("error" in result) return setRemoveError(result.error.message);
    setRemoving(null);
    props.onRemoved(removing);
  };
  return (
    <div className="secretless-panel">
      <div className="panel-head">
        <h3 id={`${id}-title`}>{texts.title}</h3>
        {canEdit && (
          <button type="button" className="button" onClick={() => setAdding(true)} disabled={atMax} aria-describedby={atMax ? `${id}-max-reason` : undefined}>
            {texts.add}
          </button>
        )}
      </div>
      {canEdit && atMax && <p className="hint" id={`${id}-max-reason`}>{texts.full}</p>}
      <div className="table-scroll">
        <table className={`data-table card-table ${id}-table`} role="table" aria-labelledby={`${id}-title`}>
          <thead role="rowgroup">
            <tr role="row">
              {props.headers.map((header) => <th key={header} scope="col" role="columnheader">{header}</th>)}
              {canEdit && <th scope="col" role="columnheader">{t("clients.actions")}</th>}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((item) => (
              <tr role="row" key={item.id} className={props.rowClass?.(item)}>
                {props.cells(item)}
                {canEdit && (
                  <td role="cell" data-label={t("clients.actions")}>
                    <button type="button" className="button button-small button-danger" disabled={isLast} aria-describedby={isLast ? `${id}-last-reason` : undefined} onClick={() => { setRemoveError(null); setRemoving(item); }} aria-label={`${t("common.remove")}: ${props.nameOf(item)}`}>
                      {t("common.remove")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && isLast && <p className="hint" id={`${id}-last-reason`}>{texts.last}</p>}
      {adding && props.addDialog(() => setAdding(false))}
      {removing !== null && (
        <ConfirmDialog open danger title={texts.removeTitle(props.nameOf(removing))} confirmLabel={t("common.remove")} cancelLabel={t("common.cancel")} busy={props.removing} onConfirm={confirmRemove} onCancel={() => setRemoving(null)}>
          <ErrorBanner message={removeError} />
          <p>{texts.removeBody}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
