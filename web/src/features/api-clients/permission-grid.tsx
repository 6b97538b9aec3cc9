import { useI18n } from "../../lib/i18n";
import type { CatalogApi, RolePreset } from "./api-clients.graphql";
import { actionColumns, allOf, matchingPreset, presetSelection, togglePermission } from "./permission-grid-state";

interface PermissionGridProps {
  apis: CatalogApi[];
  presets: RolePreset[];
  selected: string[];
  onChange(selected: string[]): void;
  disabled?: boolean;
}

/** One row per API, one column per action; "Change" ticks "View", presets fill the grid. */
export function PermissionGrid({ apis, presets, selected, onChange, disabled = false }: PermissionGridProps) {
  const { t, language } = useI18n();
  const columns = actionColumns(apis);
  const active = matchingPreset(presets, apis, selected);
  return (
    <fieldset className="permission-grid" disabled={disabled}>
      <legend>{t("clients.permissions")}</legend>
      <div className="preset-row" role="group" aria-label={t("clients.role")}>
        {presets.map((preset) => (
          <button
            key={preset.name}
            type="button"
            className={active?.name === preset.name ? "button button-small button-selected" : "button button-small"}
            aria-pressed={active?.name === preset.name}
            onClick={() => onChange(presetSelection(preset, apis))}
          >
            {preset.title[language]}
          </button>
        ))}
        <button type="button" className="button button-small" onClick={() => onChange(allOf(apis))}>
          {t("clients.selectAll")}
        </button>
        <button type="button" className="button button-small" onClick={() => onChange([])}>
          {t("clients.unselectAll")}
        </button>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("clients.api")}</th>
              {columns.map((column) => (
                <th key={column.name} scope="col">
                  {column.title[language]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {apis.map((api) => (
              <tr key={api.name}>
                <th scope="row">{api.title[language]}</th>
                {columns.map((column) => {
                  const action = api.actions.find((candidate) => candidate.name === column.name);
                  return (
                    <td key={column.name} className={action === undefined ? "grid-empty" : undefined}>
                      {action !== undefined && (
                        <label className="grid-check">
                          <input
                            type="checkbox"
                            aria-label={`${api.title[language]}: ${action.title[language]}`}
                            checked={selected.includes(action.permission)}
                            onChange={(event) => onChange(togglePermission(apis, selected, action.permission, event.target.checked))}
                          />
                          {/* Shown beside the box where the grid stacks on a phone and the column heads are gone. */}
                          <span className="grid-check-label" aria-hidden="true">
                            {action.title[language]}
                          </span>
                        </label>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
