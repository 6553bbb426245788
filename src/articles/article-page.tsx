import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading.tsx';
import { usePageTitle } from '@/components/use-page-title.ts';
import type { ContentId } from '@/triage/catalogue.ts';

/** One piece of reading, written for this project (locales/<lng>/articles.json). */
export default function ArticlePage({ id, onBack }: { id: ContentId; onBack: () => void }) {
  const { t } = useTranslation(['articles', 'common']);
  usePageTitle(t(`${id}.title`));
  const paragraphs = t(`${id}.body`, { returnObjects: true }) as string[];
  return (
    <>
      <a
        className="back-link"
        href="#/result"
        onClick={(event) => {
          event.preventDefault();
          onBack();
        }}
      >
        {t('common:nav.back')}
      </a>
      <article className="article">
        <PageHeading>{t(`${id}.title`)}</PageHeading>
        <p className="body-lead">{t(`${id}.summary`)}</p>
        {paragraphs.map((text) => (
          <p key={text}>{text}</p>
        ))}
        <div className="inset-text inset-text--warning">{t(`${id}.seekHelp`)}</div>
      </article>
    </>
  );
}
