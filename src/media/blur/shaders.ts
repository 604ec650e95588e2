/**
 * GLSL for the blur compositor. The background blur runs at a quarter of the frame size
 * in two separable passes (cheap in software GL too); each tap is weighted by "how much
 * background" it is, so the person's colours do not bleed into the blurred background.
 */

export const VERTEX = `#version 300 es
in vec2 a_pos;
out vec2 v_uv;
void main() {
  // The quad covers clip space; textures are uploaded top row first, so flip y.
  v_uv = vec2(a_pos.x * 0.5 + 0.5, 0.5 - a_pos.y * 0.5);
  gl_Position = vec4(a_pos, 0.0, 1.0);
}`;

/** Shared by both blur passes: 9 Gaussian taps along u_step, weighted by background-ness. */
const BLUR_TAPS = `
const float W[5] = float[5](0.2270270, 0.1945946, 0.1216216, 0.0540541, 0.0162162);
`;

/** Pass 1: camera (full size) to a small texture, horizontal; alpha = background weight. */
export const BLUR_H = `#version 300 es
precision mediump float;
in vec2 v_uv;
uniform sampler2D u_frame;
uniform sampler2D u_mask;
uniform vec2 u_step;
out vec4 o;
${BLUR_TAPS}
void main() {
  vec3 sum = vec3(0.0);
  float wsum = 0.0;
  float plain = 0.0;
  for (int i = -4; i <= 4; i++) {
    vec2 uv = v_uv + float(i) * u_step;
    float w = W[abs(i)];
    float bg = 1.0 - texture(u_mask, uv).r;
    float wb = w * (bg + 0.02);
    sum += texture(u_frame, uv).rgb * wb;
    wsum += wb;
    plain += w * bg;
  }
  o = vec4(sum / wsum, plain);
}`;

/** Pass 2: vertical, combining pass 1's colours by their background weight. */
export const BLUR_V = `#version 300 es
precision mediump float;
in vec2 v_uv;
uniform sampler2D u_src;
uniform vec2 u_step;
out vec4 o;
${BLUR_TAPS}
void main() {
  vec3 sum = vec3(0.0);
  float wsum = 0.0;
  for (int i = -4; i <= 4; i++) {
    vec4 s = texture(u_src, v_uv + float(i) * u_step);
    float wb = W[abs(i)] * (s.a + 0.02);
    sum += s.rgb * wb;
    wsum += wb;
  }
  o = vec4(sum / wsum, 1.0);
}`;

/** Pass 3: the frame — camera where the person is, blurred background elsewhere, a feathered edge. */
export const COMPOSITE = `#version 300 es
precision mediump float;
in vec2 v_uv;
uniform sampler2D u_frame;
uniform sampler2D u_blur;
uniform sampler2D u_mask;
uniform vec2 u_maskStep;
uniform vec2 u_edge;
out vec4 o;
void main() {
  // A small cross of mask samples softens the low-resolution mask's stair steps.
  float m = texture(u_mask, v_uv).r * 0.4
    + (texture(u_mask, v_uv + vec2(u_maskStep.x, 0.0)).r + texture(u_mask, v_uv - vec2(u_maskStep.x, 0.0)).r
    + texture(u_mask, v_uv + vec2(0.0, u_maskStep.y)).r + texture(u_mask, v_uv - vec2(0.0, u_maskStep.y)).r) * 0.15;
  float person = smoothstep(u_edge.x, u_edge.y, m);
  vec3 sharp = texture(u_frame, v_uv).rgb;
  vec3 blurred = texture(u_blur, v_uv).rgb;
  o = vec4(mix(blurred, sharp, person), 1.0);
}`;
