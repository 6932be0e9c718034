#include "background.hpp"

#include <cstdio>

#include "gl_api.hpp"
#include "pathwise_shaders.hpp"

namespace pathwise::web {
namespace {

GLuint compile(GLenum stage, const char* source) {
    const GLuint shader = glCreateShader(stage);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint compiled = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &compiled);
    if (compiled != GL_TRUE) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "background shader did not compile: %s\n", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

bool Background::create() {
    const GLuint vertex = compile(GL_VERTEX_SHADER, shaders::background_vert);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, shaders::background_frag);
    if (vertex == 0 || fragment == 0) return false;
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glLinkProgram(program_);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint linked = GL_FALSE;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE) {
        char log[1024] = {};
        glGetProgramInfoLog(program_, sizeof log, nullptr, log);
        std::fprintf(stderr, "background program did not link: %s\n", log);
        destroy();
        return false;
    }
    top_color_ = glGetUniformLocation(program_, "top_color");
    bottom_color_ = glGetUniformLocation(program_, "bottom_color");
    glow_color_ = glGetUniformLocation(program_, "glow_color");
    resolution_ = glGetUniformLocation(program_, "resolution");
    glGenVertexArrays(1, &empty_vertex_array_);
    return true;
}

void Background::draw(int framebuffer_width, int framebuffer_height) const {
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glClearColor(0.08f, 0.09f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (program_ == 0) return;
    glDisable(GL_BLEND);
    glUseProgram(program_);
    glUniform3f(top_color_, 0.10f, 0.13f, 0.20f);
    glUniform3f(bottom_color_, 0.05f, 0.06f, 0.09f);
    glUniform3f(glow_color_, 0.20f, 0.42f, 0.55f);
    glUniform2f(resolution_, static_cast<float>(framebuffer_width), static_cast<float>(framebuffer_height));
    glBindVertexArray(empty_vertex_array_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glUseProgram(0);
}

void Background::destroy() {
    if (empty_vertex_array_ != 0) glDeleteVertexArrays(1, &empty_vertex_array_);
    if (program_ != 0) glDeleteProgram(program_);
    empty_vertex_array_ = 0;
    program_ = 0;
}

}  // namespace pathwise::web
