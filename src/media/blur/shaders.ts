/**
 * GLSL for the blur compositor. The background blur runs at a quarter of the frame size
 * in two separable passes (cheap in software GL too); each tap is weighted by "how much
 * background" it is, so the person's colours do not bleed into the blurred background.
 */

export const VERTEX = `#version 300 es
in vec2 a_pos;
uniform float u_flipY;
out vec2 v_uv;
void main() {
  // Uploaded frames have their top row at v = 0; so do the passes' textures when drawn
  // unflipped (u_flipY = 1). Only the canvas shows clip-space +y at the top: flip (-1).
  v_uv = vec2(a_pos.x * 0.5 + 0.5, 0.5 + a_pos.y * 0.5 * u_flipY);
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

/**
 * Once per mask, at mask size: soften the low-resolution mask's stair steps with a small
 * cross of samples, then fade person/background across the edge band (the feather).
 */
export const FEATHER = `#version 300 es
precision mediump float;
in vec2 v_uv;
uniform sampler2D u_mask;
uniform vec2 u_step;
uniform vec2 u_edge;
out vec4 o;
void main() {
  float m = texture(u_mask, v_uv).r * 0.4
    + (texture(u_mask, v_uv + vec2(u_step.x, 0.0)).r + texture(u_mask, v_uv - vec2(u_step.x, 0.0)).r
    + texture(u_mask, v_uv + vec2(0.0, u_step.y)).r + texture(u_mask, v_uv - vec2(0.0, u_step.y)).r) * 0.15;
  o = vec4(smoothstep(u_edge.x, u_edge.y, m), 0.0, 0.0, 1.0);
}`;

/** Pass 3, every frame: camera where the person is, blurred background elsewhere. */
export const COMPOSITE = `#version 300 es
precision mediump float;
in vec2 v_uv;
uniform sampler2D u_frame;
uniform sampler2D u_blur;
uniform sampler2D u_person;
out vec4 o;
void main() {
  float person = texture(u_person, v_uv).r;
  o = vec4(mix(texture(u_blur, v_uv).rgb, texture(u_frame, v_uv).rgb, person), 1.0);
}`;
