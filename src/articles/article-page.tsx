import { useTranslation } from 'react-i18next';
import { NUMBER_MARK, withNumber } from '@/components/number-in-sentence.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { usePageTitle } from '@/components/use-page-title.ts';
import type { ContentId } from '@/triage/catalogue.ts';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';

interface ArticlePageProps {
  id: ContentId;
  onBack: () => void;
}

/** The "get help" box's words (locales/<lng>/articles.json): the emergency signs of the topic, then what needs help today. */
interface SeekHelp {
  callNow: string[];
  today: string[];
  maternity?: string;
}

/** One piece of reading, written for this project (locales/<lng>/articles.json). */
export default function ArticlePage({ id, onBack }: ArticlePageProps) {
  // The clinic's emergency number: every article's "get help" box calls it (policy v3 §5, §7).
  const { emergencyNumber } = useClinicSettings();
  const { t } = useTranslation(['articles', 'common']);
  // The tab's title goes into the browser's history: not "Hip pain in pregnancy".
  usePageTitle(t('neutralTitle.article', { ns: 'common' }));
  const paragraphs = t(`${id}.body`, { returnObjects: true }) as string[];
  const seekHelp = t(`${id}.seekHelp`, { returnObjects: true }) as SeekHelp;
  const call = (
    <a className="safety-net__number" href={`tel:${emergencyNumber}`}>
      {emergencyNumber}
    </a>
  );
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
        <section className="safety-net" aria-labelledby="get-help-title" data-get-help>
          <h2 className="heading-s" id="get-help-title">
            {t('common:article.getHelpTitle')}
          </h2>
          <p className="safety-net__call">{withNumber(t('common:article.callNowIf', { number: NUMBER_MARK }), call)}</p>
          <ul className="list list--bullet" data-get-help-list="call-now">
            {seekHelp.callNow.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {seekHelp.maternity && <p>{seekHelp.maternity}</p>}
          <p className="safety-net__call">{t('common:article.todayIf')}</p>
          <ul className="list list--bullet" data-get-help-list="today">
            {seekHelp.today.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      </article>
    </>
  );
}
