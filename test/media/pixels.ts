/** Reading real pixels off a video track, and measuring how much fine detail a region has. */

/** A region in fractions of the frame: x, y, width, height. */
export type Box = [number, number, number, number];

// Regions of the portrait fixture (640x360): her face, and two background areas full of
// fine detail (the flag's stars and stripes, the shuttle model). See ../shared/fixtures.
export const FACE: Box = [0.37, 0.16, 0.14, 0.25];
/** The helmet ring and suit below the face: the person, too. */
export const BODY: Box = [0.26, 0.43, 0.3, 0.3];
export const FLAG: Box = [0.0, 0.02, 0.12, 0.5];
export const SHUTTLE: Box = [0.7, 0.05, 0.2, 0.7];

/** Draws the next frames of `track` and returns the last as pixels at `width`x`height`. */
export async function grabFrame(track: MediaStreamTrack, width = 640, height = 360, frames = 3): Promise<ImageData> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  await video.play();
  for (let i = 0; i < frames; i++) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no video frame within 10 s')), 10_000);
      video.requestVideoFrameCallback(() => (clearTimeout(timer), resolve()));
    });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0, width, height);
  video.srcObject = null;
  return ctx.getImageData(0, 0, width, height);
}

/** Mean absolute Laplacian of the luminance in `box`: high for sharp detail, low when blurred. */
export function detail(img: ImageData, box: Box): number {
  const { width, data } = img;
  const x0 = Math.max(1, Math.round(box[0] * width));
  const y0 = Math.max(1, Math.round(box[1] * img.height));
  const x1 = Math.min(width - 1, Math.round((box[0] + box[2]) * width));
  const y1 = Math.min(img.height - 1, Math.round((box[1] + box[3]) * img.height));
  const lum = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
  };
  let sum = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      sum += Math.abs(4 * lum(x, y) - lum(x - 1, y) - lum(x + 1, y) - lum(x, y - 1) - lum(x, y + 1));
      n++;
    }
  }
  return n ? sum / n : 0;
}

/** Mean colour of `box`, to tell one picture from another. */
export function meanColour(img: ImageData, box: Box): [number, number, number] {
  const { width, data } = img;
  const acc = [0, 0, 0];
  let n = 0;
  for (let y = Math.round(box[1] * img.height); y < Math.round((box[1] + box[3]) * img.height); y++) {
    for (let x = Math.round(box[0] * width); x < Math.round((box[0] + box[2]) * width); x++) {
      const i = (y * width + x) * 4;
      acc[0] += data[i];
      acc[1] += data[i + 1];
      acc[2] += data[i + 2];
      n++;
    }
  }
  return acc.map((v) => v / Math.max(1, n)) as [number, number, number];
}
