import { useDiscardGuard } from "../../components/ui/discard-guard";
import { useI18n } from "../../lib/i18n";

/** The create and edit dialogs ask before Escape or Cancel throws typed input away. */
export function useFormDiscardGuard(dirty: boolean, onClose: () => void) {
  const { t } = useI18n();
  return useDiscardGuard({ dirty, onDiscard: onClose, title: t("discard.title"), body: t("discard.body"), keepLabel: t("discard.keep"), discardLabel: t("discard.discard") });
}
