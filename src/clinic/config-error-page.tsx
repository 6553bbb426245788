import { useTranslation } from 'react-i18next';
import type { ConfigProblem } from './read-clinic-config.ts';

/** Development only: the clinic's configuration problems, each with its key. */
export function ConfigErrorPage({ problems }: { problems: ConfigProblem[] }) {
  const { t } = useTranslation();
  return (
    <div className="error-summary config-errors" role="alert" aria-labelledby="config-errors-title">
      <h1 id="config-errors-title" className="heading-l">
        {t('configError.title')}
      </h1>
      <p>{t('configError.body')}</p>
      <ul className="list list--bullet">
        {problems.map((problem) => (
          <li key={`${problem.key}:${problem.message}`}>
            <code>{problem.key}</code>: {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
