/**
 * Strings of `<chat-meet-permission-guide>`: the steps of the seed article
 * (/work/shared/seed/video-meet-ko.md) per platform, for the camera and microphone (R17)
 * and for screen recording (R12).
 */
import type { Catalog } from '../locale.js';

/** Platforms with their own camera/microphone steps (R17). */
export type MediaGuidePlatform = 'chrome' | 'edge' | 'safari' | 'ios' | 'android' | 'other';
/** Platforms with their own screen-recording steps (R12). */
export type ScreenGuidePlatform = 'mac-chrome' | 'mac-edge' | 'safari' | 'windows' | 'other';

export interface GuideStrings {
  titleMedia: string;
  titleScreen: string;
  introMedia: string;
  introScreen: string;
  platform: Record<MediaGuidePlatform | ScreenGuidePlatform, string>;
  media: Record<MediaGuidePlatform, string[]>;
  screen: Record<ScreenGuidePlatform, string[]>;
  /** Chrome on Android and iOS end the meet when the permission changes (R17). */
  mobileRetry: string;
  reloadHint: string;
  reload: string;
  close: string;
  stepsFor: string;
}

const en: GuideStrings = {
  titleMedia: 'Allow the camera and microphone',
  titleScreen: 'Allow screen recording',
  introMedia: 'The meet needs your camera and microphone, and access to them was refused. Allow both for this site:',
  introScreen: 'Your computer does not let the browser capture the screen yet. To share your screen:',
  platform: {
    chrome: 'Chrome', edge: 'Edge', safari: 'Safari', ios: 'iPhone and iPad', android: 'Android', other: 'Your browser',
    'mac-chrome': 'Chrome on Mac', 'mac-edge': 'Edge on Mac', windows: 'Windows',
  },
  media: {
    chrome: [
      'Open the ⋮ menu at the top right and choose Settings.',
      'Go to Privacy and security → Site settings.',
      'Under Permissions, open Camera, then Microphone.',
      'Check that sites can ask to use them, and that this site is not in the blocked list.',
      'When the meet asks again, allow the camera and microphone (the prompt at the top left).',
      'If it still does not work, check that the operating system (Windows or macOS privacy settings) lets Chrome use the camera and microphone.',
    ],
    edge: [
      'Open the … menu at the top right and choose Settings.',
      'Go to Cookies and site permissions → Camera, then Microphone, and turn on “Ask before accessing (recommended)”.',
      'Check that this site is not in the blocked list, then allow the camera and microphone when asked.',
    ],
    safari: [
      'In the menu bar choose Safari → Settings (Preferences).',
      'Open Websites → Camera, then Microphone, and set this site to Allow.',
    ],
    ios: [
      'Open the Settings app and choose the browser you use (for example Chrome or Safari).',
      'Allow Microphone and Camera, then go back to the browser.',
      'Changing the setting ends the meet in some browsers (Chrome): start or join the meet again.',
    ],
    android: [
      'Press and hold the browser’s icon (for example Chrome) and tap the ⓘ App info icon.',
      'Tap Permissions.',
      'Tap Microphone, then Camera.',
      'Set each to “Allow only while using the app”.',
      'Go back to the browser and press the microphone and camera buttons of the meet again, then tap Allow.',
    ],
    other: [
      'Open your browser’s site settings for this page (often the icon left of the address).',
      'Allow the camera and the microphone.',
      'Check that the operating system’s privacy settings let the browser use them.',
    ],
  },
  screen: {
    'mac-chrome': ['Open System Settings → Privacy & Security → Screen Recording (Screen & System Audio Recording).', 'Turn on Google Chrome.', 'Quit and reopen Chrome if macOS asks you to.'],
    'mac-edge': ['Open System Settings → Privacy & Security → Screen Recording (Screen & System Audio Recording).', 'Turn on Microsoft Edge.', 'Quit and reopen Edge if macOS asks you to.'],
    safari: ['Safari asks every time you share your screen: press Share screen again and choose Allow in Safari’s prompt.'],
    windows: ['Windows needs no permission: press Share screen again, pick a window or the whole screen in the browser’s window, and press Share.'],
    other: ['Allow screen capture for your browser in the operating system’s privacy settings, then press Share screen again.'],
  },
  mobileRetry: 'Chrome on phones ends the current meet when a permission changes: after allowing, start or join the meet again.',
  reloadHint: 'After allowing, reload the page and try again.',
  reload: 'Reload and try again',
  close: 'Close',
  stepsFor: 'Steps for {platform}',
};

const ko: GuideStrings = {
  titleMedia: '카메라와 마이크 권한 허용하기',
  titleScreen: '화면 기록 권한 허용하기',
  introMedia: '미트에는 카메라와 마이크 권한이 필요한데, 접근이 거부되었습니다. 이 사이트에 두 권한을 모두 허용해 주세요.',
  introScreen: '아직 브라우저가 화면을 기록할 수 없습니다. 화면을 공유하려면:',
  platform: {
    chrome: 'Chrome', edge: 'Edge', safari: 'Safari', ios: 'iOS 웹 브라우저', android: 'Android 웹 브라우저', other: '사용 중인 브라우저',
    'mac-chrome': 'Mac의 Chrome', 'mac-edge': 'Mac의 Edge', windows: 'Windows',
  },
  media: {
    chrome: [
      '우측 상단의 더보기 버튼을 누른 후 [설정]에 접속해 주세요.',
      '[개인정보 및 보안] - [사이트 설정]에 접속해 주세요.',
      '[권한] - [카메라], [마이크]에 각각 접속해 주세요.',
      '사이트에서 카메라와 마이크 사용을 요청할 수 있음이 체크되어 있는지, 이 사이트 주소가 차단되어 있지 않은지 확인해 주세요.',
      '미트를 사용하기 전, 좌측 상단에 표시되는 카메라와 마이크 사용 권한을 허용해 주세요.',
      '위의 설정으로도 동작하지 않으면 운영체제(Windows/Mac) 설정에서 Chrome 앱의 카메라와 마이크 권한이 허용되어 있는지 확인해 주세요.',
    ],
    edge: [
      '우측 상단의 [더보기] - [설정]에 접속해 주세요.',
      '[쿠키 및 사이트 권한] - [카메라], [마이크]로 접속해 각각 [액세스 전에 확인(권장)]을 활성화해 주세요.',
      '이 사이트가 차단되어 있지 않은지 확인하고, 요청이 뜨면 카메라와 마이크를 허용해 주세요.',
    ],
    safari: [
      '좌측 상단의 [Safari] - [환경설정]에 접속해 주세요.',
      '[웹사이트] - [카메라], [마이크]에서 각각 이 사이트에 대해 권한을 허용해 주세요.',
    ],
    ios: [
      '[설정] - [본인이 사용하는 브라우저 앱](예: Chrome)을 선택해 주세요.',
      '마이크와 카메라 접근을 허용하고, 브라우저 앱으로 다시 돌아가 주세요.',
      'Chrome 앱은 설정을 변경하면 기존 미트가 종료되므로, 미트를 다시 한번 시도해 주세요.',
    ],
    android: [
      '브라우저 앱(예: Chrome)을 꾹 누르고, 정보 아이콘을 눌러 주세요.',
      '[애플리케이션 정보]에서 [권한]을 눌러 주세요.',
      '마이크와 카메라를 각각 눌러 주세요.',
      '각 권한을 [앱 사용 중에만 허용]으로 변경해 주세요.',
      '브라우저로 돌아가 미트의 마이크 버튼과 카메라 버튼을 다시 한번 누르고, 팝업의 [허용]을 눌러 주세요.',
    ],
    other: [
      '브라우저에서 이 페이지의 사이트 설정을 열어 주세요(대개 주소 왼쪽의 아이콘).',
      '카메라와 마이크를 허용해 주세요.',
      '운영체제의 개인정보 설정에서 브라우저가 카메라와 마이크를 쓸 수 있는지 확인해 주세요.',
    ],
  },
  screen: {
    'mac-chrome': ['[시스템 설정] - [개인정보 보호 및 보안] - [화면 기록]으로 이동해 주세요.', 'Google Chrome 앱의 화면 기록 접근을 허용해 주세요.', 'macOS가 요청하면 Chrome을 종료한 뒤 다시 열어 주세요.'],
    'mac-edge': ['[시스템 설정] - [개인정보 보호 및 보안] - [화면 기록]으로 이동해 주세요.', 'Microsoft Edge 앱의 화면 기록 접근을 허용해 주세요.', 'macOS가 요청하면 Edge를 종료한 뒤 다시 열어 주세요.'],
    safari: ['Safari는 화면을 공유할 때마다 팝업을 띄웁니다. [화면 공유]를 다시 누르고 팝업에서 [허용]을 눌러 주세요.'],
    windows: ['Windows는 별도 권한이 필요 없습니다. [화면 공유]를 다시 누르고, 창이나 전체 화면을 고른 뒤 [공유]를 눌러 주세요.'],
    other: ['운영체제의 개인정보 설정에서 브라우저의 화면 기록을 허용한 뒤 [화면 공유]를 다시 눌러 주세요.'],
  },
  mobileRetry: '모바일 Chrome은 권한을 변경하면 기존 미트가 종료됩니다. 허용한 뒤 미트를 다시 시도해 주세요.',
  reloadHint: '권한을 설정한 후에도 미트가 진행되지 않으면 새로고침을 한 번 하고 다시 시도해 주세요.',
  reload: '새로고침하고 다시 시도',
  close: '닫기',
  stepsFor: '{platform} 설정 방법',
};

const ja: GuideStrings = {
  titleMedia: 'カメラとマイクを許可してください',
  titleScreen: '画面収録を許可してください',
  introMedia: 'ミートにはカメラとマイクが必要ですが、アクセスが拒否されました。このサイトに両方を許可してください。',
  introScreen: 'ブラウザはまだ画面を収録できません。画面を共有するには：',
  platform: {
    chrome: 'Chrome', edge: 'Edge', safari: 'Safari', ios: 'iPhone・iPad', android: 'Android', other: 'お使いのブラウザ',
    'mac-chrome': 'Mac の Chrome', 'mac-edge': 'Mac の Edge', windows: 'Windows',
  },
  media: {
    chrome: [
      '右上の ⋮ メニューから［設定］を開きます。',
      '［プライバシーとセキュリティ］→［サイトの設定］を開きます。',
      '［権限］の［カメラ］と［マイク］をそれぞれ開きます。',
      'サイトがカメラとマイクの使用を要求できる設定になっていること、このサイトがブロックされていないことを確認します。',
      'ミートが再び求めたら、左上に表示されるカメラとマイクの使用を許可します。',
      'それでも動かない場合は、OS（Windows／macOS）のプライバシー設定で Chrome にカメラとマイクが許可されているか確認します。',
    ],
    edge: [
      '右上の［…］メニューから［設定］を開きます。',
      '［Cookie とサイトのアクセス許可］→［カメラ］［マイク］で［アクセスする前に確認する（推奨）］をオンにします。',
      'このサイトがブロックされていないことを確認し、求められたらカメラとマイクを許可します。',
    ],
    safari: [
      'メニューバーの［Safari］→［設定］（環境設定）を開きます。',
      '［Web サイト］→［カメラ］［マイク］で、このサイトを［許可］にします。',
    ],
    ios: [
      '［設定］アプリを開き、お使いのブラウザ（例：Chrome）を選びます。',
      'マイクとカメラへのアクセスを許可し、ブラウザに戻ります。',
      'Chrome では設定を変えると現在のミートが終了します。もう一度ミートを開始または参加してください。',
    ],
    android: [
      'ブラウザ（例：Chrome）のアイコンを長押しし、ⓘ アプリ情報をタップします。',
      '［権限］をタップします。',
      '［マイク］と［カメラ］をそれぞれタップします。',
      'それぞれ［アプリの使用中のみ許可］に変更します。',
      'ブラウザに戻り、ミートのマイクボタンとカメラボタンをもう一度押して、［許可］をタップします。',
    ],
    other: [
      'ブラウザでこのページのサイト設定を開きます（多くはアドレス左のアイコン）。',
      'カメラとマイクを許可します。',
      'OS のプライバシー設定でブラウザがカメラとマイクを使えることを確認します。',
    ],
  },
  screen: {
    'mac-chrome': ['［システム設定］→［プライバシーとセキュリティ］→［画面収録］を開きます。', 'Google Chrome をオンにします。', 'macOS に求められたら Chrome を終了して開き直します。'],
    'mac-edge': ['［システム設定］→［プライバシーとセキュリティ］→［画面収録］を開きます。', 'Microsoft Edge をオンにします。', 'macOS に求められたら Edge を終了して開き直します。'],
    safari: ['Safari は画面共有のたびに確認を表示します。もう一度［画面を共有］を押し、Safari の確認で［許可］を選びます。'],
    windows: ['Windows では許可は不要です。もう一度［画面を共有］を押し、ウィンドウか画面全体を選んで［共有］を押します。'],
    other: ['OS のプライバシー設定でブラウザの画面収録を許可し、もう一度［画面を共有］を押します。'],
  },
  mobileRetry: 'スマートフォンの Chrome は権限を変えると現在のミートが終了します。許可した後、もう一度ミートを開始または参加してください。',
  reloadHint: '許可した後、ページを再読み込みしてもう一度お試しください。',
  reload: '再読み込みしてもう一度試す',
  close: '閉じる',
  stepsFor: '{platform} の手順',
};

export const guideCatalog: Catalog<GuideStrings> = { en, ko, ja };
