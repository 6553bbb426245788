import { useTranslation } from 'react-i18next';

/** A real link (so it reads and behaves as one) whose click the flow handles. */
export function BackLink({ href, onBack }: { href: string; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <a
      className="back-link"
      href={href}
      onClick={(event) => {
        event.preventDefault();
        onBack();
      }}
    >
      {t('nav.back')}
    </a>
  );
}
