// SPDX-License-Identifier: MIT
// paygw — umbrella header.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/charging/callback.hpp>
#include <paygw/charging/client.hpp>
#include <paygw/charging/connection.hpp>
#include <paygw/charging/models.hpp>
#include <paygw/charging/stored_card.hpp>
#include <paygw/client_options.hpp>
#include <paygw/clock.hpp>
#include <paygw/completion.hpp>
#include <paygw/http/curl_transport.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/log.hpp>
#include <paygw/money.hpp>
#include <paygw/receive/applier.hpp>
#include <paygw/receive/dispatcher.hpp>
#include <paygw/receive/events.hpp>
#include <paygw/receive/queries.hpp>
#include <paygw/receive/reconciler.hpp>
#include <paygw/receive/submit.hpp>
#include <paygw/receive/sweep.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>
#include <paygw/store.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tconnect/connection.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>
#include <paygw/tingee/bills.hpp>
#include <paygw/tingee/client.hpp>
#include <paygw/tingee/connection.hpp>
#include <paygw/tingee/models.hpp>
#include <paygw/tingee/webhook.hpp>
#include <paygw/version.hpp>
#include <paygw/vietqr.hpp>
