// gl_api.hpp — the GL entry points of GLES 3.0 / desktop GL 3.3 core, from the platform's own headers.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif
