/** Strings several elements share, in Korean, English and Japanese. */
import type { Catalog } from '../locale.js';

const en = {
  voiceMeet: 'Voice meet',
  videoMeet: 'Video meet',
  close: 'Close',
  dismiss: 'Dismiss',
};

export type CommonStrings = typeof en;

export const commonCatalog: Catalog<CommonStrings> = {
  en,
  ko: { voiceMeet: '음성 미트', videoMeet: '영상 미트', close: '닫기', dismiss: '닫기' },
  ja: { voiceMeet: '音声ミート', videoMeet: 'ビデオミート', close: '閉じる', dismiss: '閉じる' },
};
