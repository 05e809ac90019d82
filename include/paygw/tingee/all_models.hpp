// SPDX-License-Identifier: MIT
// paygw — every Tingee request and response type in one include: the device and bill models
// plus the account-administration groups (virtual accounts, direct debit, ...). The endpoint
// table that generates the client includes this header.
#pragma once

#include <paygw/tingee/bank_links.hpp>
#include <paygw/tingee/bank_qr.hpp>
#include <paygw/tingee/bills.hpp>
#include <paygw/tingee/deep_links.hpp>
#include <paygw/tingee/direct_debit.hpp>
#include <paygw/tingee/e_invoices.hpp>
#include <paygw/tingee/merchants.hpp>
#include <paygw/tingee/models.hpp>
#include <paygw/tingee/shops.hpp>
#include <paygw/tingee/virtual_accounts.hpp>
