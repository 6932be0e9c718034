// The wizard's backdrop: a calm diagonal gradient with a soft glow behind the top-left (where the
// header and the path panel sit), so the translucent ImGui panels stay readable in every view.
in vec2 screen_uv;
out vec4 frag_color;

uniform vec3 top_color;
uniform vec3 bottom_color;
uniform vec3 glow_color;
uniform vec2 resolution;

void main() {
    float along = clamp(1.0 - screen_uv.y * 0.85 + screen_uv.x * 0.15, 0.0, 1.0);
    vec3 color = mix(top_color, bottom_color, along);
    vec2 pixel = screen_uv * resolution;
    vec2 glow_center = vec2(0.25, 0.85) * resolution;
    float glow = exp(-distance(pixel, glow_center) / (0.45 * max(resolution.x, resolution.y)));
    color += glow_color * glow * 0.35;
    frag_color = vec4(color, 1.0);
}
