// A full-screen triangle from gl_VertexID alone: no vertex buffer to set up on either platform.
out vec2 screen_uv;

void main() {
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    screen_uv = corner;
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
