// SPDX-License-Identifier: MIT
// paygw — export macros of the optional store components (paygw::sqlite, paygw::postgres).
// They are built like the core library (static or shared together), so PAYGW_STATIC_DEFINE
// decides for them too.
#pragma once

#if defined(PAYGW_STATIC_DEFINE)
#define PAYGW_SQLITE_EXPORT
#define PAYGW_POSTGRES_EXPORT
#elif defined(_WIN32)
#ifdef paygw_sqlite_EXPORTS
#define PAYGW_SQLITE_EXPORT __declspec(dllexport)
#else
#define PAYGW_SQLITE_EXPORT __declspec(dllimport)
#endif
#ifdef paygw_postgres_EXPORTS
#define PAYGW_POSTGRES_EXPORT __declspec(dllexport)
#else
#define PAYGW_POSTGRES_EXPORT __declspec(dllimport)
#endif
#else
#define PAYGW_SQLITE_EXPORT __attribute__((visibility("default")))
#define PAYGW_POSTGRES_EXPORT __attribute__((visibility("default")))
#endif
