/**
 * Strings of `<chat-meet-button>` itself. Its in-app browser sheet (R16) has its own
 * catalog, escape-sheet.ts, which loads with the sheet: this one is in the first download.
 */
import type { Catalog } from '../locale.js';

const en = {
  startVoice: 'Start a voice meet',
  startVideo: 'Start a video meet',
  /** The manager's menu button (R7). */
  menu: 'Meet',
  menuLabel: 'Start a meet',
};

export type ButtonStrings = typeof en;

export const buttonCatalog: Catalog<ButtonStrings> = {
  en,
  ko: {
    startVoice: '음성 미트 시작',
    startVideo: '영상 미트 시작',
    menu: '미트',
    menuLabel: '미트 시작',
  },
  ja: {
    startVoice: '音声ミートを開始',
    startVideo: 'ビデオミートを開始',
    menu: 'ミート',
    menuLabel: 'ミートを開始',
  },
};
