import { DEFAULT_LANGUAGE, LANGUAGES } from '../i18n/languages.ts';

/**
 * The first paint in the language and mode the person will use (issue 21). Each
 * start page is prerendered at its own address (…/ru/, …/reception/, …/ru/reception/:
 * src/prerender.tsx); a few bytes of inline script in the built page's head, before
 * anything is painted, go to the right one when the address says otherwise:
 * `?lang=` or `?mode=`, the choice made earlier in this tab, or the browser's language.
 * The order is the app's own (initialLanguage, initialAudience; a unit test holds the
 * two together), except the clinic's configuration, which arrives later.
 *
 * Returns true when it has left for another address (the page is then hidden and the
 * app's code is not started). A plain-ES5 string: it runs before any module.
 */
const OTHER_LANGUAGES = LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE).join('|');

export const START_PAGE_ADDRESS_SCRIPT =
  '(function(){try{' +
  `var L=${JSON.stringify(LANGUAGES)},D=${JSON.stringify(DEFAULT_LANGUAGE)},l=location,q=new URLSearchParams(l.search),` +
  `m=/^(.*?\\/)(?:(${OTHER_LANGUAGES})\\/)?(reception\\/)?(?:index\\.html)?$/.exec(l.pathname);` +
  'if(!m)return false;' +
  'var s=function(k){try{return sessionStorage.getItem(k)}catch(e){return null}},ok=function(x){return L.indexOf(x)>=0},' +
  'g=q.get("lang"),o=q.get("mode"),r=s("hip-triage.language"),n=navigator.languages||[],i,t;' +
  'if(!ok(g))g=m[2]||(ok(r)?r:null);' +
  'for(i=0;!g&&i<n.length;i++){t=String(n[i]).slice(0,2).toLowerCase();if(ok(t))g=t}' +
  'g=g||D;' +
  'var c=o==="reception"||(o!=="patient"&&(!!m[3]||s("hip-triage.mode")==="reception")),' +
  'p=m[1]+(g===D?"":g+"/")+(c?"reception/":"");' +
  'if(p===l.pathname.replace(/index\\.html$/,""))return false;' +
  'document.documentElement.style.visibility="hidden";l.replace(p+l.search+l.hash);return true' +
  '}catch(e){return false}})()';
