// doctest's main for capi_tests (test_capi.cpp, test_serve.cpp).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
