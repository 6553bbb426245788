import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title, with the GOV.UK "Error: " prefix while errors show. */
export function usePageTitle(page: string, hasErrors = false) {
  const { t } = useTranslation();
  useEffect(() => {
    const title = t('pageTitle', { page, app: t('appName') });
    document.title = hasErrors ? `${t('errorSummary.titlePrefix')}${title}` : title;
  }, [t, page, hasErrors]);
}
