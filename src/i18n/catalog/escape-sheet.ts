/**
 * Strings of the sheet `<chat-meet-button>` opens in an in-app browser that cannot run
 * meets (R16). A catalog of its own, loaded with the sheet (src/elements/button/escape-sheet.ts)
 * only where the button offers it: the button is in the first download, and these sentences
 * in three languages were over 1 KB gzip of it (docs/decisions/0002).
 */
import type { Catalog } from '../locale.js';

const en = {
  sheetTitle: 'Open in your browser to meet',
  sheetBody: 'Meets do not work inside this app. Open this page in your phone’s browser and start the meet there; your chat stays as it is.',
  escapeLink: 'Open in browser',
  instructions: 'Tap the ⋯ or ⋮ menu at the top right of this app, then choose “Open in browser”.',
  copyLink: 'Copy link',
  copied: 'Link copied. Paste it into your browser.',
  copyFailed: 'Copying did not work here: select the link above and copy it.',
  linkLabel: 'Link to this page',
};

export type EscapeSheetStrings = typeof en;

export const escapeSheetCatalog: Catalog<EscapeSheetStrings> = {
  en,
  ko: {
    sheetTitle: '브라우저에서 열어 미트하기',
    sheetBody: '이 앱 안에서는 미트를 이용할 수 없습니다. 휴대폰의 기본 브라우저에서 이 페이지를 열고 미트를 시작해 주세요. 채팅은 그대로 유지됩니다.',
    escapeLink: '브라우저에서 열기',
    instructions: '앱 오른쪽 위의 ⋯ 또는 ⋮ 메뉴를 누른 뒤 “브라우저에서 열기”를 선택해 주세요.',
    copyLink: '링크 복사',
    copied: '링크를 복사했습니다. 브라우저에 붙여 넣어 주세요.',
    copyFailed: '여기서는 복사할 수 없습니다. 위의 링크를 선택해 복사해 주세요.',
    linkLabel: '이 페이지의 링크',
  },
  ja: {
    sheetTitle: 'ブラウザで開いてミートする',
    sheetBody: 'このアプリ内ではミートを利用できません。スマートフォンのブラウザでこのページを開き、ミートを開始してください。チャットはそのまま残ります。',
    escapeLink: 'ブラウザで開く',
    instructions: 'アプリ右上の ⋯ または ⋮ メニューをタップし、「ブラウザで開く」を選んでください。',
    copyLink: 'リンクをコピー',
    copied: 'リンクをコピーしました。ブラウザに貼り付けてください。',
    copyFailed: 'ここではコピーできません。上のリンクを選択してコピーしてください。',
    linkLabel: 'このページのリンク',
  },
};
