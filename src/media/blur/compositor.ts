/**
 * The WebGL2 compositor: person sharp, background blurred, the mask edge feathered.
 * Needs neither canvas `filter` (missing in Safari) nor OffscreenCanvas: plain WebGL2 on
 * a plain canvas, which every browser with WebGL2 (iOS 15+, Android) draws.
 */
import { ChatMeetError, ErrorCodes } from '../../core/errors.js';
import type { Mask } from './segmenter.js';
import { BLUR_H, BLUR_V, COMPOSITE, FEATHER, VERTEX } from './shaders.js';

export interface Compositor {
  readonly canvas: HTMLCanvasElement;
  /** Uploads a new mask (call inside the segmenter's callback: its pixels are reused). */
  setMask(mask: Mask): void;
  readonly hasMask: boolean;
  /** Draws one output frame from `frame` and the last mask. */
  draw(frame: TexImageSource): void;
  /** True once the browser took the WebGL context away. */
  readonly lost: boolean;
  destroy(): void;
}

export interface CompositorOptions {
  width: number;
  height: number;
  /** Blur strength: tap spacing in quarter-size texels (1 ≈ 8 px of blur at 640x360). Default 1.5. */
  strength?: number;
  /** Mask values between these two fade from background to person (the feathered edge). */
  edge?: [number, number];
  document?: Document;
}

type Program = { program: WebGLProgram; uniform: (name: string) => WebGLUniformLocation | null };

function compile(gl: WebGL2RenderingContext, fragment: string): Program {
  const program = gl.createProgram()!;
  for (const [type, source] of [[gl.VERTEX_SHADER, VERTEX], [gl.FRAGMENT_SHADER, fragment]] as const) {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
      throw new ChatMeetError(ErrorCodes.BLUR_FAILED, `Blur's shader did not compile: ${gl.getShaderInfoLog(shader)}`);
    }
    gl.attachShader(program, shader);
  }
  gl.bindAttribLocation(program, 0, 'a_pos');
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
    throw new ChatMeetError(ErrorCodes.BLUR_FAILED, `Blur's shaders did not link: ${gl.getProgramInfoLog(program)}`);
  }
  const cache = new Map<string, WebGLUniformLocation | null>();
  return {
    program,
    uniform: (name) => (cache.has(name) ? cache.get(name)! : (cache.set(name, gl.getUniformLocation(program, name)), cache.get(name)!)),
  };
}

function texture(gl: WebGL2RenderingContext, width = 0, height = 0): WebGLTexture {
  const t = gl.createTexture()!;
  gl.bindTexture(gl.TEXTURE_2D, t);
  for (const p of [gl.TEXTURE_WRAP_S, gl.TEXTURE_WRAP_T]) gl.texParameteri(gl.TEXTURE_2D, p, gl.CLAMP_TO_EDGE);
  for (const p of [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER]) gl.texParameteri(gl.TEXTURE_2D, p, gl.LINEAR);
  if (width) gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
  return t;
}

export function createCompositor(options: CompositorOptions): Compositor {
  const { width, height } = options;
  const strength = options.strength ?? 1.5;
  const [edgeLo, edgeHi] = options.edge ?? [0.35, 0.75];
  const canvas = (options.document ?? document).createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const gl = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: false, preserveDrawingBuffer: false });
  if (!gl) throw new ChatMeetError(ErrorCodes.BLUR_UNSUPPORTED, 'Background blur needs WebGL2, which this browser or device does not offer. Blur stays off.', { reason: 'webgl2' });
  let lost = false;
  canvas.addEventListener('webglcontextlost', (e) => ((lost = true), e.preventDefault()));

  const small = { w: Math.max(1, Math.round(width / 4)), h: Math.max(1, Math.round(height / 4)) };
  const quad = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, quad);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);

  const hBlur = compile(gl, BLUR_H);
  const vBlur = compile(gl, BLUR_V);
  const composite = compile(gl, COMPOSITE);
  const feather = compile(gl, FEATHER);
  const frameTex = texture(gl);
  const maskTex = texture(gl);
  const personTex = texture(gl);
  const fbPerson = gl.createFramebuffer();
  const passA = texture(gl, small.w, small.h);
  const passB = texture(gl, small.w, small.h);
  const fbA = gl.createFramebuffer();
  const fbB = gl.createFramebuffer();
  for (const [fb, tex] of [[fbA, passA], [fbB, passB]] as const) {
    gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
  }
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  let mask = { w: 0, h: 0 };

  const bind = (unit: number, tex: WebGLTexture, p: Program, name: string) => {
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.uniform1i(p.uniform(name), unit);
  };

  return {
    canvas,
    get hasMask() {
      return mask.w > 0;
    },
    get lost() {
      return lost || gl.isContextLost();
    },
    setMask(source) {
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, maskTex);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
      if (source.width !== mask.w || source.height !== mask.h) {
        gl.bindTexture(gl.TEXTURE_2D, personTex);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, source.width, source.height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
        gl.bindFramebuffer(gl.FRAMEBUFFER, fbPerson);
        gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, personTex, 0);
      }
      mask = { w: source.width, h: source.height };
      // The feather is computed once per mask, at mask size, not per output pixel.
      gl.bindFramebuffer(gl.FRAMEBUFFER, fbPerson);
      gl.viewport(0, 0, mask.w, mask.h);
      gl.useProgram(feather.program);
      gl.uniform1f(feather.uniform('u_flipY'), 1);
      bind(0, maskTex, feather, 'u_mask');
      gl.uniform2f(feather.uniform('u_step'), 1 / mask.w, 1 / mask.h);
      gl.uniform2f(feather.uniform('u_edge'), edgeLo, edgeHi);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    },
    draw(frame) {
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, frameTex);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, frame);

      gl.viewport(0, 0, small.w, small.h);
      gl.bindFramebuffer(gl.FRAMEBUFFER, fbA);
      gl.useProgram(hBlur.program);
      gl.uniform1f(hBlur.uniform('u_flipY'), 1);
      bind(0, frameTex, hBlur, 'u_frame');
      bind(1, personTex, hBlur, 'u_mask');
      gl.uniform2f(hBlur.uniform('u_step'), strength / small.w, 0);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);

      gl.bindFramebuffer(gl.FRAMEBUFFER, fbB);
      gl.useProgram(vBlur.program);
      gl.uniform1f(vBlur.uniform('u_flipY'), 1);
      bind(0, passA, vBlur, 'u_src');
      gl.uniform2f(vBlur.uniform('u_step'), 0, strength / small.h);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);

      gl.viewport(0, 0, width, height);
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.useProgram(composite.program);
      gl.uniform1f(composite.uniform('u_flipY'), -1);
      bind(0, frameTex, composite, 'u_frame');
      bind(1, passB, composite, 'u_blur');
      bind(2, personTex, composite, 'u_person');
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    },
    destroy() {
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      canvas.width = canvas.height = 1;
    },
  };
}
