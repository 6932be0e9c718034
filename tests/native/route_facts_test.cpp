// Every route in the route table carries, or is given, everything the proxy needs to serve it. A route added to
// common/src/route_table.cpp without its mock reply or its service handler fails here, not in a user's client.
#include <gtest/gtest.h>

#include <string>

#include "mock/mock_replies.hpp"
#include "pathwise/route_table.hpp"
#include "proxy/service_routes.hpp"

namespace pathwise {
namespace {

TEST(RouteFacts, EveryForwardedRoute_HasAMockReply) {
    for (const Route& route : route_table()) {
        if (route.protocol == Protocol::service) continue;
        EXPECT_TRUE(mock::has_mock_reply(route.id)) << route.id << " has no reply in native/src/mock/mock_replies.cpp";
    }
}

TEST(RouteFacts, EveryServiceRoute_HasAHandler) {
    for (const Route& route : route_table()) {
        if (route.protocol != Protocol::service) continue;
        EXPECT_TRUE(proxy::has_service_handler(route.id))
            << route.id << " has no handler in native/src/proxy/service_routes.cpp";
    }
}

TEST(RouteFacts, EveryPostRoute_HasAnExampleBodyThatNamesItsModelWhenItCarriesOne) {
    for (const Route& route : route_table()) {
        SCOPED_TRACE(std::string(route.id));
        if (route.method != Method::post) {
            EXPECT_TRUE(route.example_body.empty());
            continue;
        }
        ASSERT_FALSE(route.example_body.empty());
        // A model lives in the body unless the path carries it (Gemini's /models/{model}:action).
        const bool model_in_path = route.pattern.find("{model}") != std::string_view::npos;
        EXPECT_EQ(route.example_body.find("\"model\":\"{model}\"") != std::string_view::npos, !model_in_path);
    }
}

TEST(RouteFacts, MockWithoutAReply_AnswersNotFound) {
    mock::MockAsk ask;
    ask.route_id = "no.such_route";
    const mock::MockReply reply = mock::mock_reply(ask);
    EXPECT_EQ(reply.status, 404);
}

}  // namespace
}  // namespace pathwise
