// config_writer.cpp — see config_writer.hpp.
#include "scan/config_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pathwise::scan {
namespace {

namespace fs = std::filesystem;

std::string reason() {
    return std::strerror(errno);
}

Error write_error(const std::string& what, const std::string& path) {
    return Error{"configure_write", what + " " + path + ": " + reason() + "; nothing was changed"};
}

std::optional<std::string> current_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// Writes `text` to a new file next to `path` and renames it over `path`.
std::optional<Error> write_atomically(const std::string& path, const std::string& text, mode_t mode) {
    std::string temp = path + ".pathwise-tmp-XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return write_error("cannot create a temporary file next to", path);
    bool ok = ::fchmod(fd, mode) == 0;
    std::size_t done = 0;
    while (ok && done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        if (ok) errno = saved;
        const Error error = write_error("cannot write", path);
        ::unlink(temp.c_str());
        return error;
    }
    return std::nullopt;
}

}  // namespace

std::string backup_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &local);
    return text;
}

Result<Written> replace_config_file(const std::string& link, const std::optional<std::string>& expected,
                                    const std::string& text, const std::string& timestamp) {
    // A config kept in a dotfiles repository and linked into HOME stays a link: its target is what changes.
    std::error_code link_error;
    std::string path = link;
    if (fs::is_symlink(fs::symlink_status(link, link_error))) {
        path = fs::canonical(link, link_error).string();
        if (link_error) return Error{"configure_write", link + " is a link that leads nowhere; nothing was changed"};
    }
    const std::optional<std::string> now = current_text(path);
    if (now != expected) {
        return Error{"configure_changed", path +
                                              " changed since it was read (another program wrote it); nothing "
                                              "was changed: run configure again"};
    }
    Written written;
    mode_t mode = 0600;
    if (expected) {
        struct stat info {};
        if (::stat(path.c_str(), &info) == 0) mode = info.st_mode & 07777;
        // Two runs in one second must not share a name: the second would replace the first original.
        written.backup = path + ".pathwise-backup-" + timestamp;
        for (int n = 2; fs::exists(written.backup) && n < 1000; ++n) {
            written.backup = path + ".pathwise-backup-" + timestamp + "-" + std::to_string(n);
        }
        if (const auto error = write_atomically(written.backup, *expected, mode)) return *error;
    } else {
        std::error_code error;
        fs::create_directories(fs::path(path).parent_path(), error);
        if (error) {
            return Error{"configure_write",
                         "cannot create the folder of " + path + ": " + error.message() + "; nothing was changed"};
        }
    }
    if (const auto error = write_atomically(path, text, mode)) return *error;
    return written;
}

}  // namespace pathwise::scan
