/**
 * Strings of the device settings panel (`<chat-meet-settings>`) in Korean, English and
 * Japanese. `{name}`-style placeholders are filled in by the element.
 */
import type { Catalog } from '../locale.js';

const en = {
  title: 'Device settings',
  close: 'Close settings',
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  systemDefault: 'System default',
  deviceFallback: '{kind} {n}',
  noneFound: 'None found',
  speakerUnavailable: 'This browser cannot choose the speaker: sound plays on the system default.',
  micLevel: 'Microphone level',
  cameraPreview: 'Camera preview',
  previewOff: 'No camera preview',
  previewFailed: 'The camera or microphone could not start: {reason}',
  joinMuted: 'Join with my microphone muted',
  blur: 'Blur my background',
  blurUnavailable: 'Background blur cannot run in this browser.',
  noiseSuppression: 'Reduce background noise',
  noiseUnavailable: 'This browser has no microphone noise suppression.',
  saved: 'Saved for next time',
};

export type SettingsStrings = typeof en;

const ko: SettingsStrings = {
  title: '장치 설정',
  close: '설정 닫기',
  camera: '카메라',
  microphone: '마이크',
  speaker: '스피커',
  systemDefault: '시스템 기본값',
  deviceFallback: '{kind} {n}',
  noneFound: '찾을 수 없음',
  speakerUnavailable: '이 브라우저에서는 스피커를 선택할 수 없습니다. 시스템 기본 스피커로 재생됩니다.',
  micLevel: '마이크 입력 크기',
  cameraPreview: '카메라 미리보기',
  previewOff: '카메라 미리보기 없음',
  previewFailed: '카메라 또는 마이크를 시작할 수 없습니다: {reason}',
  joinMuted: '마이크를 끈 상태로 참여',
  blur: '배경 흐리게',
  blurUnavailable: '이 브라우저에서는 배경 흐림을 사용할 수 없습니다.',
  noiseSuppression: '배경 소음 줄이기',
  noiseUnavailable: '이 브라우저에는 마이크 소음 제거 기능이 없습니다.',
  saved: '다음에도 이 설정을 사용합니다',
};

const ja: SettingsStrings = {
  title: 'デバイス設定',
  close: '設定を閉じる',
  camera: 'カメラ',
  microphone: 'マイク',
  speaker: 'スピーカー',
  systemDefault: 'システムの既定',
  deviceFallback: '{kind} {n}',
  noneFound: '見つかりません',
  speakerUnavailable: 'このブラウザではスピーカーを選べません。システムの既定のスピーカーで再生されます。',
  micLevel: 'マイクの入力レベル',
  cameraPreview: 'カメラのプレビュー',
  previewOff: 'カメラのプレビューなし',
  previewFailed: 'カメラまたはマイクを開始できません：{reason}',
  joinMuted: 'マイクをミュートして参加',
  blur: '背景をぼかす',
  blurUnavailable: 'このブラウザでは背景ぼかしを使えません。',
  noiseSuppression: '背景ノイズを抑える',
  noiseUnavailable: 'このブラウザにはマイクのノイズ抑制がありません。',
  saved: '次回もこの設定を使います',
};

/** The settings panel's catalog, per language. */
export const settingsCatalog: Catalog<SettingsStrings> = { en, ko, ja };
