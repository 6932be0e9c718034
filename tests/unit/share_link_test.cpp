// share_link_test.cpp — the wizard's share link: exact encodings, a random round trip, and malformed links.
#include "pathwise/share_link.hpp"

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace pathwise {
namespace {

std::vector<std::string> codes_of(const std::vector<ShareLinkNote>& notes) {
    std::vector<std::string> codes;
    for (const auto& note : notes) codes.push_back(note.code);
    return codes;
}

std::string repeated(std::string_view unit, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out.append(unit);
    return out;
}

// ---- exact encodings (written by hand from the format in share_link.hpp) ---------------------------------

TEST(ShareLink, Encode_DefaultState_IsJustTheVersion) {
    EXPECT_EQ(encode_share_link(WizardState{}), "v=1");
}

TEST(ShareLink, Encode_ClaudeCodeWithV1Base_MatchesHeaderExample) {
    WizardState state;
    state.client_id = "claude-code";
    state.typed_base_url = "http://127.0.0.1:8045/v1";
    EXPECT_EQ(encode_share_link(state), "v=1&c=claude-code&b=http%3A%2F%2F127.0.0.1%3A8045%2Fv1");
}

TEST(ShareLink, Encode_EveryField_InFixedOrder) {
    WizardState state;
    state.view = WizardView::check;
    state.lang = Lang::fr;
    state.lang_explicit = true;
    state.log_path = "C:\\Users\\me\\proxy.log";
    state.typed_base_url = "http://localhost:8045/v1/";
    state.client_version = "1.x";
    state.client_id = "openai-python";
    state.proxy_origin = "http://127.0.0.1:8045";
    EXPECT_EQ(encode_share_link(state),
              "v=1&o=http%3A%2F%2F127.0.0.1%3A8045&c=openai-python&cv=1.x&b=http%3A%2F%2Flocalhost%3A8045%2Fv1%2F"
              "&p=C%3A%5CUsers%5Cme%5Cproxy.log&l=fr&w=check");
}

TEST(ShareLink, Encode_ReservedCharactersAndUtf8_ArePercentEncoded) {
    WizardState state;
    state.typed_base_url = "a&b=c#d%e f+g~";
    state.log_path = "/tmp/\xD0\xB6\xD1\x83\xD1\x80\xD0\xBD\xD0\xB0\xD0\xBB.log";  // "/tmp/журнал.log"
    EXPECT_EQ(encode_share_link(state),
              "v=1&b=a%26b%3Dc%23d%25e%20f%2Bg~&p=%2Ftmp%2F%D0%B6%D1%83%D1%80%D0%BD%D0%B0%D0%BB.log");
}

TEST(ShareLink, Encode_LanguageFollowingTheBrowser_IsNotInTheLink) {
    // The recipient's own browser language should apply unless the sender picked one explicitly.
    WizardState state;
    state.lang = Lang::es;
    state.lang_explicit = false;
    EXPECT_EQ(encode_share_link(state), "v=1");
    state.lang_explicit = true;
    EXPECT_EQ(encode_share_link(state), "v=1&l=es");
    state.lang = Lang::en;
    EXPECT_EQ(encode_share_link(state), "v=1&l=en");
}

TEST(ShareLink, ViewNames) {
    EXPECT_EQ(view_name(WizardView::setup), "setup");
    EXPECT_EQ(view_name(WizardView::check), "check");
    EXPECT_EQ(view_name(WizardView::log), "log");
    EXPECT_EQ(view_name(WizardView::all_clients), "all");
    EXPECT_EQ(view_name(WizardView::live), "live");
    WizardState state;
    state.view = WizardView::all_clients;
    EXPECT_EQ(encode_share_link(state), "v=1&w=all");
    state.view = WizardView::live;
    EXPECT_EQ(encode_share_link(state), "v=1&w=live");
}

// ---- what the encoder leaves out ----------------------------------------------------------------------------

TEST(ShareLink, Encode_FieldLongerThanLimit_IsDroppedWithNote) {
    WizardState state;
    state.client_id = std::string(kMaxFieldLength + 1, 'a');
    state.typed_base_url = "http://127.0.0.1:8045";
    const auto encoded = encode_share_link_with_notes(state);
    EXPECT_EQ(encoded.fragment, "v=1&b=http%3A%2F%2F127.0.0.1%3A8045");
    ASSERT_EQ(encoded.notes.size(), 1U);
    EXPECT_EQ(encoded.notes[0].field, "c");
    EXPECT_EQ(encoded.notes[0].code, "too_long");
}

TEST(ShareLink, Encode_FieldExactlyAtLimit_IsKept) {
    WizardState state;
    state.client_id = std::string(kMaxFieldLength, 'a');
    const auto encoded = encode_share_link_with_notes(state);
    EXPECT_EQ(encoded.fragment, "v=1&c=" + std::string(kMaxFieldLength, 'a'));
    EXPECT_TRUE(encoded.notes.empty());
}

TEST(ShareLink, Encode_BaseUrlWithPassword_IsDroppedAndSecretNeverAppears) {
    WizardState state;
    state.client_id = "claude-code";
    state.typed_base_url = "http://me:sk-ant-SECRET123@127.0.0.1:8045/v1";
    const auto encoded = encode_share_link_with_notes(state);
    EXPECT_EQ(encoded.fragment, "v=1&c=claude-code");
    EXPECT_EQ(codes_of(encoded.notes), (std::vector<std::string>{"secret_dropped"}));
    EXPECT_EQ(encoded.notes[0].field, "b");
    EXPECT_EQ(encoded.notes[0].message.find("SECRET123"), std::string::npos);
}

TEST(ShareLink, Encode_GeminiKeyInQuery_IsDropped) {
    WizardState state;
    state.typed_base_url = "https://proxy.test/v1beta?key=AIzaSyEXAMPLE";
    state.proxy_origin = "http://127.0.0.1:8045/?x=1&api_key=abc";
    const auto encoded = encode_share_link_with_notes(state);
    EXPECT_EQ(encoded.fragment, "v=1");
    EXPECT_EQ(codes_of(encoded.notes), (std::vector<std::string>{"secret_dropped", "secret_dropped"}));
}

TEST(ShareLink, Encode_ManyLongFields_DropsLongestUntilUnderLinkLimit) {
    // 1000 '/' become 3000 characters each: o, b and p together exceed 4096, so o (first of the equally long)
    // and then b are dropped; p alone fits.
    WizardState state;
    state.proxy_origin = std::string(1000, '/');
    state.typed_base_url = std::string(1000, '/');
    state.log_path = std::string(1000, '/');
    state.client_id = "claude-code";
    const auto encoded = encode_share_link_with_notes(state);
    EXPECT_EQ(encoded.fragment, "v=1&c=claude-code&p=" + repeated("%2F", 1000));
    EXPECT_LE(encoded.fragment.size(), kMaxShareLinkLength);
    ASSERT_EQ(codes_of(encoded.notes), (std::vector<std::string>{"too_long", "too_long"}));
    EXPECT_EQ(encoded.notes[0].field, "o");
    EXPECT_EQ(encoded.notes[1].field, "b");
}

// ---- decoding clean links -----------------------------------------------------------------------------------

TEST(ShareLink, Decode_CleanLink_WithOrWithoutHash_OrAsWholeAddress) {
    WizardState expected;
    expected.client_id = "claude-code";
    expected.typed_base_url = "http://127.0.0.1:8045/v1";
    for (const std::string_view link : {
             "v=1&c=claude-code&b=http%3A%2F%2F127.0.0.1%3A8045%2Fv1",
             "#v=1&c=claude-code&b=http%3A%2F%2F127.0.0.1%3A8045%2Fv1",
             "http://127.0.0.1:8045/?x=1#v=1&c=claude-code&b=http%3A%2F%2F127.0.0.1%3A8045%2Fv1",
             "v=1&&c=claude-code&b=http%3A%2F%2F127.0.0.1%3A8045%2Fv1&",  // stray '&' from a hand edit
             "b=http%3a%2f%2f127.0.0.1%3a8045%2fv1&c=claude-code&v=1",    // any order, lower-case hex
         }) {
        SCOPED_TRACE(std::string(link));
        const auto decoded = decode_share_link(link);
        EXPECT_EQ(decoded.state, expected);
        EXPECT_TRUE(decoded.notes.empty()) << decoded.notes.front().code;
    }
}

TEST(ShareLink, Decode_NoFragment_IsAFreshStartWithoutNotes) {
    // The wizard decodes location.hash on every open; a page opened without one must not show a notes banner.
    for (const std::string_view link : {"", "#", "http://127.0.0.1:8045/#"}) {
        const auto decoded = decode_share_link(link);
        EXPECT_EQ(decoded.state, WizardState{}) << link;
        EXPECT_TRUE(decoded.notes.empty()) << link;
    }
}

TEST(ShareLink, Decode_PlusSign_StaysAPlus) {
    const auto decoded = decode_share_link("v=1&p=C%3A%2Fa+b.log");
    EXPECT_EQ(decoded.state.log_path, "C:/a+b.log");
    EXPECT_TRUE(decoded.notes.empty());
}

TEST(ShareLink, Decode_BrowserLanguageTag_IsAccepted) {
    const auto decoded = decode_share_link("v=1&l=fr-CA");
    EXPECT_EQ(decoded.state.lang, Lang::fr);
    EXPECT_TRUE(decoded.state.lang_explicit);
    EXPECT_TRUE(decoded.notes.empty());
}

// ---- randomized round trip (fixed seed: reproducible) -------------------------------------------------------

std::string random_bytes(std::mt19937& rng, std::size_t max_length, std::string_view excluded = {}) {
    std::uniform_int_distribution<std::size_t> length_dist(0, max_length);
    std::uniform_int_distribution<int> byte_dist(0, 255);
    // Half the bytes come from the characters the format itself uses, so they meet each other often.
    constexpr std::string_view kSyntax = "&=#%+ ?@/:~.";
    std::uniform_int_distribution<std::size_t> syntax_dist(0, kSyntax.size() - 1);
    std::string out;
    const std::size_t length = length_dist(rng);
    while (out.size() < length) {
        const char c = (rng() % 2 == 0) ? kSyntax[syntax_dist(rng)] : static_cast<char>(byte_dist(rng));
        if (excluded.find(c) == std::string_view::npos) out.push_back(c);
    }
    return out;
}

TEST(ShareLink, RoundTrip_RandomStates_ComeBackExactlyWithoutNotes) {
    std::mt19937 rng(20261123U);
    constexpr std::array kViews = {WizardView::setup, WizardView::check, WizardView::log, WizardView::all_clients,
                                   WizardView::live};
    constexpr std::array kLangs = {Lang::en, Lang::fr, Lang::es};
    for (int round = 0; round < 2000; ++round) {
        WizardState state;
        // '@' and '?' are left out of the two URL fields only: there they could form "user:pass@" or "?key=",
        // which the link refuses on purpose (tested above).
        state.proxy_origin = random_bytes(rng, 120, "@?");
        state.client_id = random_bytes(rng, 40);
        state.client_version = random_bytes(rng, 20);
        state.typed_base_url = random_bytes(rng, 200, "@?");
        state.log_path = random_bytes(rng, 200);
        if (round % 7 == 0) state.typed_base_url = "a&b=c#d%e f+g~&v=2&key=x%ZZ\xC3\xA9";
        state.view = kViews[static_cast<std::size_t>(rng() % kViews.size())];
        state.lang_explicit = (rng() % 2) == 0;
        state.lang = state.lang_explicit ? kLangs[static_cast<std::size_t>(rng() % kLangs.size())] : Lang::en;

        const auto encoded = encode_share_link_with_notes(state);
        ASSERT_TRUE(encoded.notes.empty()) << "round " << round << ": " << encoded.notes.front().code;
        ASSERT_LE(encoded.fragment.size(), kMaxShareLinkLength);
        for (const char c : encoded.fragment) {
            const bool url_safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                  std::string_view("-._~%&=").find(c) != std::string_view::npos;
            ASSERT_TRUE(url_safe) << "round " << round << ": byte " << static_cast<int>(static_cast<unsigned char>(c));
        }
        const auto decoded = decode_share_link("#" + encoded.fragment);
        ASSERT_EQ(decoded.state, state) << "round " << round << ": " << encoded.fragment;
        ASSERT_TRUE(decoded.notes.empty()) << "round " << round << ": " << decoded.notes.front().code;
        ASSERT_EQ(encode_share_link(decoded.state), encoded.fragment) << "round " << round;  // deterministic
    }
}

// ---- malformed links: everything becomes a note, nothing crashes --------------------------------------------

struct MalformedCase {
    std::string_view situation;
    std::string link;
    std::vector<std::string> expected_codes;  // in order
    std::string expected_client_id;           // what survives
    std::string expected_base_url;
};

TEST(ShareLink, Decode_MalformedLinks_Table) {
    const std::vector<MalformedCase> cases = {
        {"empty input is a fresh start", "", {}, "", ""},
        {"only a hash is a fresh start", "#", {}, "", ""},
        {"only spaces", "   ", {"malformed", "missing_version"}, "", ""},
        {"missing version", "c=claude-code", {"missing_version"}, "claude-code", ""},
        {"newer version: decode what is understood",
         "v=2&c=claude-code&z=9",
         {"newer_version", "unknown_field"},
         "claude-code",
         ""},
        {"much newer version does not overflow", "v=99999999999999999999999&c=a", {"newer_version"}, "a", ""},
        {"version ten", "v=10", {"newer_version"}, "", ""},
        {"version zero", "v=0&c=a", {"bad_version"}, "a", ""},
        {"version not a number", "v=abc&c=a", {"bad_version"}, "a", ""},
        {"empty version", "v=&c=a", {"bad_version"}, "a", ""},
        {"bad escape: not hex", "v=1&b=%ZZ&c=a", {"bad_escape"}, "a", ""},
        {"bad escape: percent at end", "v=1&b=abc%", {"bad_escape"}, "", ""},
        {"bad escape: one digit at end", "v=1&b=abc%4", {"bad_escape"}, "", ""},
        {"unknown view", "v=1&w=settings", {"unknown_view"}, "", ""},
        {"unknown language", "v=1&l=de", {"unknown_lang"}, "", ""},
        {"unknown field", "v=1&zz=1&c=a", {"unknown_field"}, "a", ""},
        {"keys are case-sensitive", "v=1&C=a", {"unknown_field"}, "", ""},
        {"empty key", "v=1&=x", {"unknown_field"}, "", ""},
        {"duplicate field: first wins", "v=1&c=a&c=b", {"duplicate_field"}, "a", ""},
        {"duplicate version", "v=1&v=2", {"duplicate_field"}, "", ""},
        {"pair without equals", "v=1&garbage&c=a", {"malformed"}, "a", ""},
        {"only percent signs", "%%%", {"malformed", "missing_version"}, "", ""},
        {"binary garbage", std::string("\x00\xFF=\x01&v=1", 8), {"unknown_field"}, "", ""},
        {"api key ignored", "v=1&api_key=sk-ant-api03-XYZ&c=a", {"secret_ignored"}, "a", ""},
        {"gemini key ignored", "v=1&key=AIzaSyXYZ", {"secret_ignored"}, "", ""},
        {"token ignored", "v=1&token=abc", {"secret_ignored"}, "", ""},
        {"header-style key ignored", "v=1&x-goog-api-key=abc", {"secret_ignored"}, "", ""},
        {"authorization ignored", "v=1&Authorization=Bearer%20abc", {"secret_ignored"}, "", ""},
        {"escaped key name still recognised", "v=1&api%5Fkey=abc", {"secret_ignored"}, "", ""},
        {"base url with password dropped", "v=1&b=http%3A%2F%2Fu%3Ap%40h%2Fv1&c=a", {"secret_dropped"}, "a", ""},
        {"base url with key parameter dropped",
         "v=1&b=https%3A%2F%2Fh%2Fv1beta%3Fkey%3DAIza",
         {"secret_dropped"},
         "",
         ""},
        {"origin with password dropped", "v=1&o=http%3A%2F%2Fa%3Ab%40127.0.0.1", {"secret_dropped"}, "", ""},
        {"field one byte too long", "v=1&c=" + std::string(kMaxFieldLength + 1, 'a'), {"too_long"}, "", ""},
        {"encoded field too long once decoded", "v=1&b=" + repeated("%41", kMaxFieldLength + 1), {"too_long"}, "", ""},
        {"link too long: whole fields within the limit are kept",
         "v=1&c=a&b=" + std::string(5000, 'x'),
         {"too_long"},
         "a",
         ""},
        {"link too long without any separator",
         std::string(kMaxShareLinkLength + 1, 'x'),
         {"too_long", "missing_version"},
         "",
         ""},
        {"empty values are defaults, not errors", "v=1&c=&b=&w=&l=", {}, "", ""},
        {"at-sign in a path is fine", "v=1&b=http%3A%2F%2Fh%2F%40scope", {}, "", "http://h/@scope"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.situation);
        const auto decoded = decode_share_link(c.link);
        EXPECT_EQ(codes_of(decoded.notes), c.expected_codes);
        EXPECT_EQ(decoded.state.client_id, c.expected_client_id);
        EXPECT_EQ(decoded.state.typed_base_url, c.expected_base_url);
        for (const auto& note : decoded.notes) EXPECT_FALSE(note.message.empty()) << note.code;
    }
}

TEST(ShareLink, Decode_SecretValues_NeverAppearInNotes) {
    const auto decoded =
        decode_share_link("v=1&api_key=sk-ant-api03-VERYSECRET&b=http%3A%2F%2Fme%3AVERYSECRET%40h&token=VERYSECRET");
    ASSERT_EQ(codes_of(decoded.notes),
              (std::vector<std::string>{"secret_ignored", "secret_dropped", "secret_ignored"}));
    EXPECT_EQ(decoded.notes[0].field, "api_key");
    for (const auto& note : decoded.notes) {
        EXPECT_EQ(note.message.find("VERYSECRET"), std::string::npos) << note.message;
        EXPECT_EQ(note.field.find("VERYSECRET"), std::string::npos) << note.field;
    }
    EXPECT_EQ(decoded.state, WizardState{});
}

TEST(ShareLink, Decode_NewerVersion_MessageSaysWhatHappened) {
    const auto decoded = decode_share_link("v=2&c=claude-code");
    ASSERT_EQ(decoded.notes.size(), 1U);
    EXPECT_EQ(decoded.notes[0].field, "v");
    EXPECT_EQ(decoded.notes[0].message,
              "this link was made by a newer Pathwise (format 2): the settings this version understands were read, "
              "the rest ignored");
}

TEST(ShareLink, Decode_UnknownFieldWithHugeName_NoteIsShort) {
    const std::string link = "v=1&" + std::string(3000, 'z') + "=1";
    const auto decoded = decode_share_link(link);
    ASSERT_EQ(codes_of(decoded.notes), (std::vector<std::string>{"unknown_field"}));
    EXPECT_LT(decoded.notes[0].message.size(), 200U);
    EXPECT_LE(decoded.notes[0].field.size(), 40U);
}

TEST(ShareLink, Decode_ThousandsOfBadPairs_NotesAreCapped) {
    const auto decoded = decode_share_link("v=1&" + repeated("x&", 1000));
    ASSERT_EQ(decoded.notes.size(), 17U);  // 16 notes, then one saying the rest were ignored too
    EXPECT_EQ(decoded.notes[0].code, "malformed");
    EXPECT_EQ(decoded.notes[16].code, "too_many_notes");
}

TEST(ShareLink, Decode_LinkTooLong_KeepsOnlyWholeFieldsBeforeTheLimit) {
    // The 'b' value would cross character 4096: it is ignored entirely, never cut to a wrong prefix.
    const std::string link = "v=1&c=a&p=" + std::string(1000, 'p') + "&b=" + std::string(3200, 'b') + "&w=log";
    ASSERT_GT(link.size(), kMaxShareLinkLength);
    const auto decoded = decode_share_link(link);
    EXPECT_EQ(codes_of(decoded.notes), (std::vector<std::string>{"too_long"}));
    EXPECT_EQ(decoded.state.client_id, "a");
    EXPECT_EQ(decoded.state.log_path, std::string(1000, 'p'));
    EXPECT_EQ(decoded.state.typed_base_url, "");
    EXPECT_EQ(decoded.state.view, WizardView::setup);
}

// ---- the failure receipt (failure_receipt.hpp) --------------------------------------------------------------

WizardState receipt_state() {
    WizardState state;
    state.view = WizardView::receipt;
    FailureReceipt& receipt = state.receipt;
    receipt.method = "POST";
    receipt.path = "/v1/v1/messages";
    receipt.query_keys = {"beta"};
    receipt.header_names = {"anthropic-version", "x-api-key"};
    receipt.status = 404;
    receipt.failed_at = FailedAt::proxy;
    receipt.diagnosis_kind = "duplicated_version_prefix";
    receipt.client = "claude-code";
    receipt.client_version = "2.1.330";
    receipt.proxy_origin = "http://127.0.0.1:8045";
    receipt.fixed_base_url = "http://127.0.0.1:8045";
    return state;
}

TEST(ShareLink, Receipt_EncodesEveryFieldInOrder_AndDecodesBack) {
    const WizardState state = receipt_state();
    const std::string fragment = encode_share_link(state);
    EXPECT_EQ(fragment,
              "v=1&w=receipt&rm=POST&rp=%2Fv1%2Fv1%2Fmessages&rq=beta&rh=anthropic-version%2Cx-api-key&rs=404&rf=proxy"
              "&rk=duplicated_version_prefix&rc=claude-code&rcv=2.1.330&ro=http%3A%2F%2F127.0.0.1%3A8045"
              "&rx=http%3A%2F%2F127.0.0.1%3A8045");
    const auto decoded = decode_share_link(fragment);
    EXPECT_TRUE(decoded.notes.empty()) << decoded.notes.front().message;
    EXPECT_EQ(decoded.state, state);
}

TEST(ShareLink, Receipt_HandMadeWithSecrets_LeavesThemOutAndNeverEchoesThem) {
    const auto decoded = decode_share_link(
        "v=1&w=receipt&rm=POST&rp=%2Fv1%2Fsk-proj-abcdefgh12345678%2Fchat%2Fcompletions&rq=key%3DAIzaSecret1,alt"
        "&rx=http%3A%2F%2Fana%3Ahunter2%40127.0.0.1%3A8045&rs=4o4");
    EXPECT_EQ(codes_of(decoded.notes), (std::vector<std::string>{"partly_kept", "bad_value", "bad_value"}));
    EXPECT_EQ(decoded.notes[0].field, "rq");
    EXPECT_EQ(decoded.notes[1].field, "rx");
    EXPECT_EQ(decoded.notes[2].field, "rs");
    EXPECT_EQ(decoded.state.receipt.path, "/v1/REDACTED/chat/completions");
    EXPECT_EQ(decoded.state.receipt.query_keys, (std::vector<std::string>{"alt"}));
    EXPECT_EQ(decoded.state.receipt.fixed_base_url, "");
    for (const auto& note : decoded.notes) {
        for (const char* secret : {"AIzaSecret1", "hunter2", "sk-proj"}) {
            EXPECT_EQ(note.message.find(secret), std::string::npos) << note.message;
        }
    }
}

TEST(ShareLink, Receipt_BuiltByHandWithASecret_IsCheckedOnTheWayOutToo) {
    WizardState state = receipt_state();
    state.receipt.fixed_base_url = "http://127.0.0.1:8045/v1?key=AIzaSecret1";
    state.receipt.path = "/v1beta/models/AIzaSyA1b2C3d4E5f6G7h8I9j0K:generateContent";
    const auto encoded = encode_share_link_with_notes(state);
    EXPECT_EQ(codes_of(encoded.notes), (std::vector<std::string>{"bad_value"}));
    EXPECT_EQ(encoded.fragment.find("AIza"), std::string::npos) << encoded.fragment;
    EXPECT_NE(encoded.fragment.find("rp=%2Fv1beta%2Fmodels%2FREDACTED%3AgenerateContent"), std::string::npos)
        << encoded.fragment;
}

TEST(ShareLink, Receipt_UnknownViewNote_ListsTheReceiptView) {
    const auto decoded = decode_share_link("v=1&w=nope");
    ASSERT_EQ(decoded.notes.size(), 1U);
    EXPECT_NE(decoded.notes[0].message.find("live, receipt"), std::string::npos) << decoded.notes[0].message;
}

}  // namespace
}  // namespace pathwise
