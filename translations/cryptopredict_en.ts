<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <extracomment>&quot;RTL&quot; in right-to-left languages (Persian, Arabic, Hebrew), &quot;LTR&quot; in the others.</extracomment>
        <translation>QT_LAYOUT_DIRECTION</translation>
    </message>
</context>
<context>
    <name>cp::app::AppSettings</name>
    <message>
        <source>Theme must be light or dark.</source>
        <translation>Theme must be light or dark.</translation>
    </message>
    <message>
        <source>CoinGecko address</source>
        <translation>CoinGecko address</translation>
    </message>
    <message>
        <source>Binance REST address</source>
        <translation>Binance REST address</translation>
    </message>
    <message>
        <source>Binance stream address</source>
        <translation>Binance stream address</translation>
    </message>
    <message>
        <source>Fear &amp; Greed address</source>
        <translation>Fear &amp; Greed address</translation>
    </message>
    <message>
        <source>%1 must be a full address such as https://example.com (got &apos;%2&apos;).</source>
        <translation>%1 must be a full address such as https://example.com (got &apos;%2&apos;).</translation>
    </message>
    <message>
        <source>CoinGecko requests per minute must be from 1 to 1000.</source>
        <translation>CoinGecko requests per minute must be from 1 to 1000.</translation>
    </message>
    <message>
        <source>Market refresh interval must be from 0 (off) to 1440 minutes.</source>
        <translation>Market refresh interval must be from 0 (off) to 1440 minutes.</translation>
    </message>
    <message>
        <source>Evaluation interval must be from 1 to 1440 minutes.</source>
        <translation>Evaluation interval must be from 1 to 1440 minutes.</translation>
    </message>
    <message>
        <source>Serve-to-peers port must be from 1 to 65535.</source>
        <translation>Serve-to-peers port must be from 1 to 65535.</translation>
    </message>
    <message>
        <source>Serve-to-peers address must not be empty.</source>
        <translation>Serve-to-peers address must not be empty.</translation>
    </message>
    <message>
        <source>CoinGecko plan must be public, demo or pro.</source>
        <translation>CoinGecko plan must be public, demo or pro.</translation>
    </message>
    <message>
        <source>CoinGecko market count must be from 1 to 250.</source>
        <translation>CoinGecko market count must be from 1 to 250.</translation>
    </message>
    <message>
        <source>Binance bar length must not be empty.</source>
        <translation>Binance bar length must not be empty.</translation>
    </message>
</context>
<context>
    <name>cp::app::CredentialStore</name>
    <message>
        <source>The keychain holds no entry for %1.</source>
        <translation>The keychain holds no entry for %1.</translation>
    </message>
    <message>
        <source>The keychain refused access (%1). CryptoPredict will ask for the secret each time instead.</source>
        <translation>The keychain refused access (%1). CryptoPredict will ask for the secret each time instead.</translation>
    </message>
    <message>
        <source>The keychain could not delete %1 (%2).</source>
        <translation>The keychain could not delete %1 (%2).</translation>
    </message>
    <message>
        <source>No keychain is available (%1). CryptoPredict does not store secrets in plain text, so it will ask for them each time and keep them in memory only until it quits.</source>
        <translation>No keychain is available (%1). CryptoPredict does not store secrets in plain text, so it will ask for them each time and keep them in memory only until it quits.</translation>
    </message>
    <message>
        <source>no Secret Service found</source>
        <translation>no Secret Service found</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 seconds.</source>
        <translation>The keychain did not answer within %1 seconds.</translation>
    </message>
</context>
<context>
    <name>cp::app::PeerSync</name>
    <message>
        <source>The peer no longer accepts this sign-in.</source>
        <translation>The peer no longer accepts this sign-in.</translation>
    </message>
    <message>
        <source> (showing data from %1)</source>
        <translation> (showing data from %1)</translation>
    </message>
    <message>
        <source>Peer: offline</source>
        <translation>Peer: offline</translation>
    </message>
    <message>
        <source>Peer: synchronising...</source>
        <translation>Peer: synchronising...</translation>
    </message>
    <message>
        <source>Peer: connected</source>
        <translation>Peer: connected</translation>
    </message>
    <message>
        <source>Peer: reconnecting in %1 s</source>
        <translation>Peer: reconnecting in %1 s</translation>
    </message>
    <message>
        <source>Peer: reconnecting...</source>
        <translation>Peer: reconnecting...</translation>
    </message>
    <message>
        <source>Peer: sign in again</source>
        <translation>Peer: sign in again</translation>
    </message>
</context>
<context>
    <name>cp::app::PeerTokenStore</name>
    <message>
        <source>No keychain is available, so you will be asked to sign in each time.</source>
        <translation>No keychain is available, so you will be asked to sign in each time.</translation>
    </message>
    <message>
        <source>Your saved sign-in to %1 is no longer valid (it expired or was revoked). Sign in again.</source>
        <translation>Your saved sign-in to %1 is no longer valid (it expired or was revoked). Sign in again.</translation>
    </message>
    <message>
        <source>Could not reach %1: %2.</source>
        <translation>Could not reach %1: %2.</translation>
    </message>
    <message>
        <source>%1 could not check the saved sign-in: %2</source>
        <translation>%1 could not check the saved sign-in: %2</translation>
    </message>
</context>
<context>
    <name>cp::app::importers</name>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <source>a %1 entry has %2 values; expected [time, value].</source>
        <translation>a %1 entry has %2 values; expected [time, value].</translation>
    </message>
    <message>
        <source>a %1 entry has no time.</source>
        <translation>a %1 entry has no time.</translation>
    </message>
    <message>
        <source>There is no sector named &apos;%1&apos;; the sectors are %2.</source>
        <translation>There is no sector named &apos;%1&apos;; the sectors are %2.</translation>
    </message>
    <message>
        <source>%1 holds simulated demo data; import real data into a database of its own (--db).</source>
        <translation>%1 holds simulated demo data; import real data into a database of its own (--db).</translation>
    </message>
    <message>
        <source>Could not update the asset&apos;s current price: %1</source>
        <translation>Could not update the asset&apos;s current price: %1</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::CoinGeckoChart</name>
    <message>
        <source>expected a CoinGecko market_chart object or ohlc array.</source>
        <translation>expected a CoinGecko market_chart object or ohlc array.</translation>
    </message>
    <message>
        <source>unexpected text after the JSON value.</source>
        <translation>unexpected text after the JSON value.</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::CoinGeckoReader</name>
    <message>
        <source>an ohlc entry has %1 values; expected [time, open, high, low, close].</source>
        <translation>an ohlc entry has %1 values; expected [time, open, high, low, close].</translation>
    </message>
    <message>
        <source>an ohlc entry holds null.</source>
        <translation>an ohlc entry holds null.</translation>
    </message>
    <message>
        <source>the file has no prices.</source>
        <translation>the file has no prices.</translation>
    </message>
    <message>
        <source>a prices entry has %1 values; expected [time, price].</source>
        <translation>a prices entry has %1 values; expected [time, price].</translation>
    </message>
    <message>
        <source>a prices entry holds null.</source>
        <translation>a prices entry holds null.</translation>
    </message>
    <message>
        <source>CoinGecko /ohlc: [time (ms), open, high, low, close]</source>
        <translation>CoinGecko /ohlc: [time (ms), open, high, low, close]</translation>
    </message>
    <message>
        <source>volume: not in the file (0)</source>
        <translation>volume: not in the file (0)</translation>
    </message>
    <message>
        <source>market cap: not in the file</source>
        <translation>market cap: not in the file</translation>
    </message>
    <message>
        <source>CoinGecko /market_chart: prices -&gt; close (open = previous close)</source>
        <translation>CoinGecko /market_chart: prices -&gt; close (open = previous close)</translation>
    </message>
    <message>
        <source>market_caps -&gt; market cap (%1 points)</source>
        <translation>market_caps -&gt; market cap (%1 points)</translation>
    </message>
    <message>
        <source>total_volumes -&gt; volume (%1 points, 24h volume / price, scaled to the bar)</source>
        <translation>total_volumes -&gt; volume (%1 points, 24h volume / price, scaled to the bar)</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::CsvCandleReader</name>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <source>unterminated quote.</source>
        <translation>unterminated quote.</translation>
    </message>
    <message>
        <source>the header has %1 columns; Binance klines have %2.</source>
        <translation>the header has %1 columns; Binance klines have %2.</translation>
    </message>
    <message>
        <source>the header names the %1 twice (&apos;%2&apos; and &apos;%3&apos;).</source>
        <translation>the header names the %1 twice (&apos;%2&apos; and &apos;%3&apos;).</translation>
    </message>
    <message>
        <source>the header has no %1 column (accepted names: %2).</source>
        <translation>the header has no %1 column (accepted names: %2).</translation>
    </message>
    <message>
        <source>expected %1 columns, found %2.</source>
        <translation>expected %1 columns, found %2.</translation>
    </message>
    <message>
        <source>cannot read the timestamp &apos;%1&apos;.</source>
        <translation>cannot read the timestamp &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>cannot read the %1 &apos;%2&apos; as a number.</source>
        <translation>cannot read the %1 &apos;%2&apos; as a number.</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>cannot be read: %1</translation>
    </message>
    <message>
        <source>ISO 8601</source>
        <translation>ISO 8601</translation>
    </message>
    <message>
        <source>epoch seconds</source>
        <translation>epoch seconds</translation>
    </message>
    <message>
        <source>epoch milliseconds</source>
        <translation>epoch milliseconds</translation>
    </message>
    <message>
        <source>epoch microseconds</source>
        <translation>epoch microseconds</translation>
    </message>
    <message>
        <source>%1: column %2</source>
        <translation>%1: column %2</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>semicolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>comma</translation>
    </message>
    <message>
        <source>header line: yes</source>
        <translation>header line: yes</translation>
    </message>
    <message>
        <source>header line: no</source>
        <translation>header line: no</translation>
    </message>
    <message>
        <source>separator: %1</source>
        <translation>separator: %1</translation>
    </message>
    <message>
        <source>decimal mark: comma or point</source>
        <translation>decimal mark: comma or point</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::JsonScanner</name>
    <message>
        <source>expected &apos;%1&apos; but found &apos;%2&apos;.</source>
        <translation>expected &apos;%1&apos; but found &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos; but the file ends.</source>
        <translation>expected &apos;%1&apos; but the file ends.</translation>
    </message>
    <message>
        <source>unterminated string.</source>
        <translation>unterminated string.</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos; as a number.</source>
        <translation>cannot read &apos;%1&apos; as a number.</translation>
    </message>
    <message>
        <source>unexpected end of the file.</source>
        <translation>unexpected end of the file.</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::PriceImporter</name>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>No file to import.</source>
        <translation>No file to import.</translation>
    </message>
    <message>
        <source>The import needs the asset&apos;s symbol.</source>
        <translation>The import needs the asset&apos;s symbol.</translation>
    </message>
    <message>
        <source>%1 is not a readable file.</source>
        <translation>%1 is not a readable file.</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>The import was cancelled.</translation>
    </message>
    <message>
        <source>%1 holds no rows.</source>
        <translation>%1 holds no rows.</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::RowValidator</name>
    <message>
        <source>%1 is not a finite number.</source>
        <translation>%1 is not a finite number.</translation>
    </message>
    <message>
        <source>%1 %2 is negative.</source>
        <translation>%1 %2 is negative.</translation>
    </message>
    <message>
        <source>high %1 is below low %2.</source>
        <translation>high %1 is below low %2.</translation>
    </message>
    <message>
        <source>timestamp %1 is earlier than the previous row&apos;s %2 (rows must be in ascending time order).</source>
        <translation>timestamp %1 is earlier than the previous row&apos;s %2 (rows must be in ascending time order).</translation>
    </message>
    <message>
        <source>timestamp %1 repeats line %2 with different values.</source>
        <translation>timestamp %1 repeats line %2 with different values.</translation>
    </message>
</context>
<context>
    <name>cp::models::views</name>
    <message>
        <source>No data yet</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>No sectors</source>
        <translation>No sectors</translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation>%1 active</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 pending</translation>
    </message>
    <message>
        <source>%1 signals</source>
        <translation>%1 signals</translation>
    </message>
    <message>
        <source>Bull</source>
        <extracomment>Market regime: prices rising broadly (a bull market)</extracomment>
        <translation>Bull</translation>
    </message>
    <message>
        <source>Bear</source>
        <extracomment>Market regime: prices falling broadly (a bear market)</extracomment>
        <translation>Bear</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Volatile</source>
        <translation>Volatile</translation>
    </message>
    <message>
        <source>Low</source>
        <extracomment>Risk level</extracomment>
        <translation>Low</translation>
    </message>
    <message>
        <source>Medium</source>
        <extracomment>Risk level</extracomment>
        <translation>Medium</translation>
    </message>
    <message>
        <source>High</source>
        <extracomment>Risk level</extracomment>
        <translation>High</translation>
    </message>
    <message>
        <source>Extreme</source>
        <extracomment>Risk level</extracomment>
        <translation>Extreme</translation>
    </message>
    <message>
        <source>Add to Tier 1</source>
        <translation>Add to Tier 1</translation>
    </message>
    <message>
        <source>Add to Tier 2</source>
        <translation>Add to Tier 2</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Promote</translation>
    </message>
    <message>
        <source>Demote</source>
        <translation>Demote</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Long</source>
        <extracomment>Trade side: buy, profiting when the price rises</extracomment>
        <translation>Long</translation>
    </message>
    <message>
        <source>Short</source>
        <extracomment>Trade side: sell, profiting when the price falls</extracomment>
        <translation>Short</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Executed</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Tier 1</source>
        <extracomment>Watchlist tier: the short list of assets followed most closely</extracomment>
        <translation>Tier 1</translation>
    </message>
    <message>
        <source>Tier 2</source>
        <extracomment>Watchlist tier: the wider list of assets followed</extracomment>
        <translation>Tier 2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Layer 1 - Macro</source>
        <translation>Layer 1 - Macro</translation>
    </message>
    <message>
        <source>Layer 2 - Sectors</source>
        <translation>Layer 2 - Sectors</translation>
    </message>
    <message>
        <source>Layer 3 - Assets</source>
        <translation>Layer 3 - Assets</translation>
    </message>
    <message>
        <source>Layer 4 - Timing</source>
        <translation>Layer 4 - Timing</translation>
    </message>
    <message>
        <source>Macro</source>
        <translation>Macro</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Casual</source>
        <translation>Casual</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Filled</source>
        <extracomment>Order status: the whole order was executed</extracomment>
        <translation>Filled</translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation>Partially filled</translation>
    </message>
    <message>
        <source>Bullish</source>
        <translation>Bullish</translation>
    </message>
    <message>
        <source>Bearish</source>
        <translation>Bearish</translation>
    </message>
    <message>
        <source>Rotating</source>
        <translation>Rotating</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Stable</translation>
    </message>
    <message>
        <source>Signals ready</source>
        <translation>Signals ready</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Defer</source>
        <extracomment>Review decision: decide later</extracomment>
        <translation>Defer</translation>
    </message>
</context>
<context>
    <name>cp::ui</name>
    <message>
        <source>Guest</source>
        <translation>Guest</translation>
    </message>
</context>
<context>
    <name>cp::ui::AccountPage</name>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Create the first admin</source>
        <translation>Create the first admin</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>The admin manages users, runs analyses and tunes shared limits. Choose a password of at least 10 characters.</source>
        <translation>The admin manages users, runs analyses and tunes shared limits. Choose a password of at least 10 characters.</translation>
    </message>
    <message>
        <source>This database already has users. Sign in with your account.</source>
        <translation>This database already has users. Sign in with your account.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Creating the admin...</source>
        <translation>Creating the admin...</translation>
    </message>
    <message>
        <source>Signing in...</source>
        <translation>Signing in...</translation>
    </message>
</context>
<context>
    <name>cp::ui::AdminPage</name>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Trained</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Health score</source>
        <translation>Health score</translation>
    </message>
    <message>
        <source>Data pipeline</source>
        <translation>Data pipeline</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Models are refitted on every analysis run; Retrain refits the selected one now on the stored history. Their walk-forward metrics are recorded here.</source>
        <translation>Models are refitted on every analysis run; Retrain refits the selected one now on the stored history. Their walk-forward metrics are recorded here.</translation>
    </message>
    <message>
        <source>&amp;Retrain selected model</source>
        <translation>&amp;Retrain selected model</translation>
    </message>
    <message>
        <source>AI models</source>
        <translation>AI models</translation>
    </message>
    <message>
        <source>System health</source>
        <translation>System health</translation>
    </message>
    <message>
        <source>User activities</source>
        <translation>User activities</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>&amp;Save configuration</source>
        <translation>&amp;Save configuration</translation>
    </message>
    <message>
        <source>Tier 1 limit (assets):</source>
        <translation>Tier 1 limit (assets):</translation>
    </message>
    <message>
        <source>Tier 2 limit (assets):</source>
        <translation>Tier 2 limit (assets):</translation>
    </message>
    <message>
        <source>Minimum suggestion confidence:</source>
        <translation>Minimum suggestion confidence:</translation>
    </message>
    <message>
        <source>Minimum signal confidence:</source>
        <translation>Minimum signal confidence:</translation>
    </message>
    <message>
        <source>%1 cannot be retrained on its own; run an analysis instead.</source>
        <translation>%1 cannot be retrained on its own; run an analysis instead.</translation>
    </message>
    <message>
        <source>Retraining %1...</source>
        <translation>Retraining %1...</translation>
    </message>
    <message>
        <source>%1 retrained.</source>
        <translation>%1 retrained.</translation>
    </message>
    <message>
        <source>Only an admin can change the configuration.</source>
        <translation>Only an admin can change the configuration.</translation>
    </message>
    <message>
        <source>Configuration saved.</source>
        <translation>Configuration saved.</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>The peer&apos;s configuration cannot be changed from here yet.</source>
        <translation>The peer&apos;s configuration cannot be changed from here yet.</translation>
    </message>
</context>
<context>
    <name>cp::ui::AdminSettingsSection</name>
    <message>
        <source>Loading the shared settings...</source>
        <translation>Loading the shared settings...</translation>
    </message>
    <message>
        <source>Tier &amp;1 watchlist limit:</source>
        <translation>Tier &amp;1 watchlist limit:</translation>
    </message>
    <message>
        <source>Tier &amp;2 watchlist limit:</source>
        <translation>Tier &amp;2 watchlist limit:</translation>
    </message>
    <message>
        <source>Suggestion &amp;confidence minimum (0-1):</source>
        <translation>Suggestion &amp;confidence minimum (0-1):</translation>
    </message>
    <message>
        <source>Si&amp;gnal confidence minimum (0-1):</source>
        <translation>Si&amp;gnal confidence minimum (0-1):</translation>
    </message>
    <message>
        <source>These values are shared by everyone using this database.</source>
        <translation>These values are shared by everyone using this database.</translation>
    </message>
    <message>
        <source>Tier 1 watchlist limit</source>
        <translation>Tier 1 watchlist limit</translation>
    </message>
    <message>
        <source>Tier 2 watchlist limit</source>
        <translation>Tier 2 watchlist limit</translation>
    </message>
    <message>
        <source>%1 must be a whole number from 1 to 10000.</source>
        <translation>%1 must be a whole number from 1 to 10000.</translation>
    </message>
    <message>
        <source>Suggestion confidence minimum</source>
        <translation>Suggestion confidence minimum</translation>
    </message>
    <message>
        <source>Signal confidence minimum</source>
        <translation>Signal confidence minimum</translation>
    </message>
    <message>
        <source>%1 must be a number from 0 to 1 (got &apos;%2&apos;).</source>
        <translation>%1 must be a number from 0 to 1 (got &apos;%2&apos;).</translation>
    </message>
</context>
<context>
    <name>cp::ui::DataPage</name>
    <message>
        <source>Data to start with</source>
        <translation>Data to start with</translation>
    </message>
    <message>
        <source>You can load simulated market history to explore the program, or start empty and bring in your own price files.</source>
        <translation>You can load simulated market history to explore the program, or start empty and bring in your own price files.</translation>
    </message>
    <message>
        <source>Load &amp;simulated demo data (%1 assets, %2 days; marked as simulated everywhere)</source>
        <translation>Load &amp;simulated demo data (%1 assets, %2 days; marked as simulated everywhere)</translation>
    </message>
    <message>
        <source>Start &amp;empty; import price files later from File &gt; Import</source>
        <translation>Start &amp;empty; import price files later from File &gt; Import</translation>
    </message>
    <message>
        <source>Use the data already in the database</source>
        <translation>Use the data already in the database</translation>
    </message>
    <message>
        <source>Loading simulated data...</source>
        <translation>Loading simulated data...</translation>
    </message>
    <message>
        <source>Loaded %1 simulated assets with %2 candles.</source>
        <translation>Loaded %1 simulated assets with %2 candles.</translation>
    </message>
    <message>
        <source>&amp;Import price files now (CSV or CoinGecko JSON)</source>
        <translation>&amp;Import price files now (CSV or CoinGecko JSON)</translation>
    </message>
</context>
<context>
    <name>cp::ui::DatabasePage</name>
    <message>
        <source>Where should CryptoPredict keep its data?</source>
        <translation>Where should CryptoPredict keep its data?</translation>
    </message>
    <message>
        <source>A local file is enough for one computer. A shared PostgreSQL server lets several desktops and the API work on the same data.</source>
        <translation>A local file is enough for one computer. A shared PostgreSQL server lets several desktops and the API work on the same data.</translation>
    </message>
    <message>
        <source>&amp;Local: a database file on this computer (SQLite)</source>
        <translation>&amp;Local: a database file on this computer (SQLite)</translation>
    </message>
    <message>
        <source>&amp;Shared: a PostgreSQL server</source>
        <translation>&amp;Shared: a PostgreSQL server</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server &amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>SQLite databases (*.db)</source>
        <translation>SQLite databases (*.db)</translation>
    </message>
    <message>
        <source>Checking the keychain...</source>
        <translation>Checking the keychain...</translation>
    </message>
    <message>
        <source>The password will be kept in the system keychain.</source>
        <translation>The password will be kept in the system keychain.</translation>
    </message>
    <message>
        <source>Choose a database file.</source>
        <translation>Choose a database file.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s URL, as in postgresql://user@host:5432/cryptopredict.</source>
        <translation>Enter the server&apos;s URL, as in postgresql://user@host:5432/cryptopredict.</translation>
    </message>
    <message>
        <source>A shared database URL starts with postgresql://.</source>
        <translation>A shared database URL starts with postgresql://.</translation>
    </message>
    <message>
        <source>Preparing the database...</source>
        <translation>Preparing the database...</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Connecting...</translation>
    </message>
    <message>
        <source>Host unreachable: %1 Check the host name and port, and that the server accepts connections from this computer.</source>
        <translation>Host unreachable: %1 Check the host name and port, and that the server accepts connections from this computer.</translation>
    </message>
    <message>
        <source>Authentication failed: %1 Check the user name and password.</source>
        <translation>Authentication failed: %1 Check the user name and password.</translation>
    </message>
    <message>
        <source>Database missing: %1 Create it first (for example: createdb NAME) or ask the server&apos;s administrator.</source>
        <translation>Database missing: %1 Create it first (for example: createdb NAME) or ask the server&apos;s administrator.</translation>
    </message>
    <message>
        <source>Schema too new: %1</source>
        <translation>Schema too new: %1</translation>
    </message>
    <message>
        <source>Connected. The database already holds CryptoPredict data (schema version %1).</source>
        <translation>Connected. The database already holds CryptoPredict data (schema version %1).</translation>
    </message>
    <message>
        <source>Connected. The database is empty and will be set up.</source>
        <translation>Connected. The database is empty and will be set up.</translation>
    </message>
</context>
<context>
    <name>cp::ui::DatabasePassword</name>
    <message>
        <source>Database password</source>
        <translation>Database password</translation>
    </message>
    <message>
        <source>%1

Password for %2:</source>
        <translation>%1

Password for %2:</translation>
    </message>
</context>
<context>
    <name>cp::ui::DatabaseSummaryPanel</name>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>Schema version:</translation>
    </message>
    <message>
        <source>Assets:</source>
        <translation>Assets:</translation>
    </message>
    <message>
        <source>Price rows:</source>
        <translation>Price rows:</translation>
    </message>
    <message>
        <source>Latest price:</source>
        <translation>Latest price:</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Connecting...</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Not connected: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>%1 (%2 simulated)</source>
        <translation>%1 (%2 simulated)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
</context>
<context>
    <name>cp::ui::ExecuteSignalDialog</name>
    <message>
        <source>Execute %1 %2</source>
        <translation>Execute %1 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2&lt;/b&gt;&lt;br&gt;Entry %3, target %4, stop %5&lt;br&gt;Your limits: position up to %6, at most %7% of the portfolio lost at the stop.</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt;&lt;br&gt;Entry %3, target %4, stop %5&lt;br&gt;Your limits: position up to %6, at most %7% of the portfolio lost at the stop.</translation>
    </message>
    <message>
        <source>Position &amp;size:</source>
        <translation>Position &amp;size:</translation>
    </message>
    <message>
        <source>&amp;Portfolio share:</source>
        <translation>&amp;Portfolio share:</translation>
    </message>
    <message>
        <source>I understand the risk of this position</source>
        <translation>I understand the risk of this position</translation>
    </message>
    <message>
        <source>&amp;Execute</source>
        <translation>&amp;Execute</translation>
    </message>
    <message>
        <source>If the stop is hit this position loses %1% of the portfolio (limit %2%).</source>
        <translation>If the stop is hit this position loses %1% of the portfolio (limit %2%).</translation>
    </message>
</context>
<context>
    <name>cp::ui::FearGreedGauge</name>
    <message>
        <source>Fear and greed index</source>
        <translation>Fear and greed index</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>Extreme fear</source>
        <translation>Extreme fear</translation>
    </message>
    <message>
        <source>Fear</source>
        <translation>Fear</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Greed</source>
        <translation>Greed</translation>
    </message>
    <message>
        <source>Extreme greed</source>
        <translation>Extreme greed</translation>
    </message>
</context>
<context>
    <name>cp::ui::FirstRunWizard</name>
    <message>
        <source>Set up CryptoPredict</source>
        <translation>Set up CryptoPredict</translation>
    </message>
</context>
<context>
    <name>cp::ui::HomePage</name>
    <message>
        <source>Layer overview</source>
        <translation>Layer overview</translation>
    </message>
    <message>
        <source>Market overview</source>
        <translation>Market overview</translation>
    </message>
    <message>
        <source>Fear &amp; greed index</source>
        <translation>Fear &amp; greed index</translation>
    </message>
    <message>
        <source>Market dominance</source>
        <translation>Market dominance</translation>
    </message>
    <message>
        <source>Total market capitalisation (billion USD), regimes shaded</source>
        <translation>Total market capitalisation (billion USD), regimes shaded</translation>
    </message>
    <message>
        <source>Market regime</source>
        <translation>Market regime</translation>
    </message>
    <message>
        <source>No analysis yet</source>
        <translation>No analysis yet</translation>
    </message>
    <message>
        <source>Dominance and size</source>
        <translation>Dominance and size</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>%1 regime - %2 confidence</source>
        <translation>%1 regime - %2 confidence</translation>
    </message>
    <message>
        <source>Risk %1 | trend strength %2 | recommended exposure %3 | as of %4</source>
        <translation>Risk %1 | trend strength %2 | recommended exposure %3 | as of %4</translation>
    </message>
    <message>
        <source>Run an analysis (cryptopredict-cli analyze) to classify the market.</source>
        <translation>Run an analysis (cryptopredict-cli analyze) to classify the market.</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;Bitcoin&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%1%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ethereum&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%2%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Stablecoins&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%3%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Altcoins&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%4%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Total market cap&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%5&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;24h volume&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;Bitcoin&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%1%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ethereum&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%2%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Stablecoins&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%3%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Altcoins&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%4%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Total market cap&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%5&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;24h volume&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>BTC</source>
        <translation>BTC</translation>
    </message>
    <message>
        <source>ETH</source>
        <translation>ETH</translation>
    </message>
    <message>
        <source>Stablecoins</source>
        <translation>Stablecoins</translation>
    </message>
    <message>
        <source>Altcoins</source>
        <translation>Altcoins</translation>
    </message>
    <message>
        <source>Total market cap</source>
        <translation>Total market cap</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>cp::ui::ImportDialog</name>
    <message>
        <source>Import market data</source>
        <translation>Import market data</translation>
    </message>
    <message>
        <source>One or more files; separate with ;</source>
        <translation>One or more files; separate with ;</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>Binance klines (CSV)</source>
        <translation>Binance klines (CSV)</translation>
    </message>
    <message>
        <source>CoinGecko market chart / OHLC (JSON)</source>
        <translation>CoinGecko market chart / OHLC (JSON)</translation>
    </message>
    <message>
        <source>OHLCV CSV with a header</source>
        <translation>OHLCV CSV with a header</translation>
    </message>
    <message>
        <source>e.g. BTC</source>
        <translation>e.g. BTC</translation>
    </message>
    <message>
        <source>for a new asset (optional)</source>
        <translation>for a new asset (optional)</translation>
    </message>
    <message>
        <source>e.g. Layer1 (optional)</source>
        <translation>e.g. Layer1 (optional)</translation>
    </message>
    <message>
        <source>&amp;Files:</source>
        <translation>&amp;Files:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;Symbol:</source>
        <translation>&amp;Symbol:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>S&amp;ector:</source>
        <translation>S&amp;ector:</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>Market cap</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>First rows as they will be imported:</source>
        <translation>First rows as they will be imported:</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s) for %1 from %2 file(s) in %3 s.</source>
        <translation>
            <numerusform>Imported %n row for %1 from %2 file(s) in %3 s.</numerusform>
            <numerusform>Imported %n rows for %1 from %2 file(s) in %3 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message>
        <source>Market data (*.csv *.json *.txt);;All files (*)</source>
        <translation>Market data (*.csv *.json *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>Reading %1...</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Detected: %1</translation>
    </message>
</context>
<context>
    <name>cp::ui::Language</name>
    <message>
        <source>The language changes after a restart.</source>
        <translation>The language changes after a restart.</translation>
    </message>
</context>
<context>
    <name>cp::ui::LayerCardWidget</name>
    <message>
        <source>Macro</source>
        <translation>Macro</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Sectors</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Assets</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source>Layer %1 - %2</source>
        <translation>Layer %1 - %2</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>Run an analysis to fill this layer</source>
        <translation>Run an analysis to fill this layer</translation>
    </message>
    <message>
        <source>Confidence %1</source>
        <translation>Confidence %1</translation>
    </message>
</context>
<context>
    <name>cp::ui::MainWindow</name>
    <message>
        <source>CryptoPredict</source>
        <translation>CryptoPredict</translation>
    </message>
    <message>
        <source>SIMULATED DATA - generated by the demo simulator, not a real market.</source>
        <translation>SIMULATED DATA - generated by the demo simulator, not a real market.</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>&amp;Dark theme</translation>
    </message>
    <message>
        <source>Focus &amp;navigation</source>
        <translation>Focus &amp;navigation</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <source>&amp;Run analysis</source>
        <translation>&amp;Run analysis</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>&amp;Cancel analysis</translation>
    </message>
    <message>
        <source>Starting analysis</source>
        <translation>Starting analysis</translation>
    </message>
    <message>
        <source>Analysis written: %1 regime, %2 suggestions, %3 signals, %4 predictions.</source>
        <translation>Analysis written: %1 regime, %2 suggestions, %3 signals, %4 predictions.</translation>
    </message>
    <message>
        <source>Analysis not written: %1</source>
        <translation>Analysis not written: %1</translation>
    </message>
    <message>
        <source>&amp;Backtest</source>
        <translation>&amp;Backtest</translation>
    </message>
    <message>
        <source>Backtesting the timing model out of sample...</source>
        <translation>Backtesting the timing model out of sample...</translation>
    </message>
    <message>
        <source>Backtest failed: %1</source>
        <translation>Backtest failed: %1</translation>
    </message>
    <message>
        <source>Backtest written: %1 signals, %2 success, %3 average return.</source>
        <translation>Backtest written: %1 signals, %2 success, %3 average return.</translation>
    </message>
    <message>
        <source>SQLite file %1</source>
        <translation>SQLite file %1</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Connecting...</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Live: changes from other desktops and the engine arrive through PostgreSQL notifications.</source>
        <translation>Live: changes from other desktops and the engine arrive through PostgreSQL notifications.</translation>
    </message>
    <message>
        <source>Live: changes made by this application refresh the views.</source>
        <translation>Live: changes made by this application refresh the views.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>Serve to &amp;peers</source>
        <translation>Serve to &amp;peers</translation>
    </message>
    <message>
        <source>Offer this desktop&apos;s data to other desktops over the REST and WebSocket API (address and port in Settings).</source>
        <translation>Offer this desktop&apos;s data to other desktops over the REST and WebSocket API (address and port in Settings).</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Settings...</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>&amp;Import...</translation>
    </message>
</context>
<context>
    <name>cp::ui::MarketStatusLabel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>degraded</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>Market data</source>
        <translation>Market data</translation>
    </message>
    <message>
        <source> (last success %1)</source>
        <translation> (last success %1)</translation>
    </message>
    <message>
        <source>waiting for the first refresh</source>
        <translation>waiting for the first refresh</translation>
    </message>
    <message>
        <source>refreshing...</source>
        <translation>refreshing...</translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>last %1</translation>
    </message>
    <message>
        <source>next %1</source>
        <translation>next %1</translation>
    </message>
    <message>
        <source>Market data: %1</source>
        <translation>Market data: %1</translation>
    </message>
</context>
<context>
    <name>cp::ui::NotificationBell</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Mark &amp;read</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Dismiss</translation>
    </message>
    <message>
        <source>No notifications</source>
        <translation>No notifications</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread</source>
        <translation>
            <numerusform>Notifications: %n unread</numerusform>
            <numerusform>Notifications: %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a notification first.</source>
        <translation>Select a notification first.</translation>
    </message>
</context>
<context>
    <name>cp::ui::PeerDesktop</name>
    <message>
        <source>Could not open the local copy of the peer&apos;s data: %1</source>
        <translation>Could not open the local copy of the peer&apos;s data: %1</translation>
    </message>
    <message>
        <source>CryptoPredict - peer %1</source>
        <translation>CryptoPredict - peer %1</translation>
    </message>
    <message>
        <source>CryptoPredict</source>
        <translation>CryptoPredict</translation>
    </message>
    <message>
        <source>Peer: %1 (copy at %2)</source>
        <translation>Peer: %1 (copy at %2)</translation>
    </message>
    <message>
        <source>%1 no longer accepts your sign-in (it expired or was revoked). Sign in again.</source>
        <translation>%1 no longer accepts your sign-in (it expired or was revoked). Sign in again.</translation>
    </message>
    <message>
        <source>&amp;Peer</source>
        <translation>&amp;Peer</translation>
    </message>
    <message>
        <source>Sign &amp;out and quit</source>
        <translation>Sign &amp;out and quit</translation>
    </message>
</context>
<context>
    <name>cp::ui::PeerSignInDialog</name>
    <message>
        <source>Connect to a peer</source>
        <translation>Connect to a peer</translation>
    </message>
    <message>
        <source>Sign in to another CryptoPredict that serves its data (&quot;cryptopredict-cli serve&quot;). This desktop then shows that peer&apos;s data and sends your actions to it.</source>
        <translation>Sign in to another CryptoPredict that serves its data (&quot;cryptopredict-cli serve&quot;). This desktop then shows that peer&apos;s data and sends your actions to it.</translation>
    </message>
    <message>
        <source>http://host:8000</source>
        <translation>http://host:8000</translation>
    </message>
    <message>
        <source>Peer &amp;address:</source>
        <translation>Peer &amp;address:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Enter the peer&apos;s address, e.g. http://analysis-server:8000.</source>
        <translation>Enter the peer&apos;s address, e.g. http://analysis-server:8000.</translation>
    </message>
    <message>
        <source>Enter your e-mail address and password on the peer.</source>
        <translation>Enter your e-mail address and password on the peer.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Connecting to %1...</translation>
    </message>
</context>
<context>
    <name>cp::ui::PeerStatusLabel</name>
    <message>
        <source>Peer connection</source>
        <translation>Peer connection</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cp::ui::PredictionsPage</name>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Horizon (h)</source>
        <translation>Horizon (h)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Predictions</translation>
    </message>
    <message>
        <source>Realised</source>
        <translation>Realised</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Hit rate</translation>
    </message>
    <message>
        <source>Naive hit rate</source>
        <translation>Naive hit rate</translation>
    </message>
    <message>
        <source>Mean error %</source>
        <translation>Mean error %</translation>
    </message>
    <message>
        <source>Naive error %</source>
        <translation>Naive error %</translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation>Mean confidence</translation>
    </message>
    <message>
        <source>Made</source>
        <extracomment>Column: when the prediction was made</extracomment>
        <translation>Made</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Price then</source>
        <translation>Price then</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Predicted</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Accuracy %</source>
        <translation>Accuracy %</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Due</source>
        <extracomment>Column: when the predicted price is due</extracomment>
        <translation>Due</translation>
    </message>
    <message>
        <source>Prediction accuracy</source>
        <translation>Prediction accuracy</translation>
    </message>
    <message>
        <source>Hit rate against the naive baseline</source>
        <translation>Hit rate against the naive baseline</translation>
    </message>
    <message>
        <source>No prediction has been evaluated yet</source>
        <translation>No prediction has been evaluated yet</translation>
    </message>
    <message>
        <source>Naive baseline</source>
        <translation>Naive baseline</translation>
    </message>
</context>
<context>
    <name>cp::ui::SectorsPage</name>
    <message>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>24h</source>
        <translation>24h</translation>
    </message>
    <message>
        <source>7d</source>
        <translation>7d</translation>
    </message>
    <message>
        <source>30d</source>
        <translation>30d</translation>
    </message>
    <message>
        <source>Dominance %</source>
        <translation>Dominance %</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>Market cap</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Sector performance</source>
        <translation>Sector performance</translation>
    </message>
    <message>
        <source>Performance by sector</source>
        <translation>Performance by sector</translation>
    </message>
    <message>
        <source>Sector rotation</source>
        <translation>Sector rotation</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Leading:</source>
        <translation>Leading:</translation>
    </message>
    <message>
        <source>Declining:</source>
        <translation>Declining:</translation>
    </message>
    <message>
        <source>Rotation probability:</source>
        <translation>Rotation probability:</translation>
    </message>
    <message>
        <source>Recommended allocation</source>
        <translation>Recommended allocation</translation>
    </message>
    <message>
        <source>Select a sector to see its history and members</source>
        <translation>Select a sector to see its history and members</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Volume 24h</source>
        <translation>Volume 24h</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Member assets</source>
        <translation>Member assets</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>No rotation analysis yet</source>
        <translation>No rotation analysis yet</translation>
    </message>
    <message>
        <source>7d performance</source>
        <translation>7d performance</translation>
    </message>
    <message>
        <source>Momentum x 100</source>
        <translation>Momentum x 100</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Sectors</translation>
    </message>
</context>
<context>
    <name>cp::ui::ServeStatusLabel</name>
    <message>
        <source>Serve to peers</source>
        <translation>Serve to peers</translation>
    </message>
    <message>
        <source>Other CryptoPredict desktops can use %1 as their data source.</source>
        <translation>Other CryptoPredict desktops can use %1 as their data source.</translation>
    </message>
</context>
<context>
    <name>cp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <source>&amp;Market data</source>
        <translation>&amp;Market data</translation>
    </message>
    <message>
        <source>Serve to &amp;peers</source>
        <translation>Serve to &amp;peers</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <source>Checking the keychain...</source>
        <translation>Checking the keychain...</translation>
    </message>
    <message>
        <source>Passwords and keys are kept in the system keychain.</source>
        <translation>Passwords and keys are kept in the system keychain.</translation>
    </message>
    <message>
        <source>(stored in the keychain; type to replace, clear to remove)</source>
        <translation>(stored in the keychain; type to replace, clear to remove)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>Gregorian</translation>
    </message>
    <message>
        <source>Persian (Jalali)</source>
        <translation>Persian (Jalali)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Calendar:</source>
        <translation>&amp;Calendar:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(unchanged)</translation>
    </message>
    <message>
        <source>Run the setup &amp;wizard again...</source>
        <translation>Run the setup &amp;wizard again...</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Fetch &amp;live market data</source>
        <translation>Fetch &amp;live market data</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> per minute</translation>
    </message>
    <message>
        <source>BTCUSDT, ETHUSDT (empty: the tier-1 watchlist, for gap fills and the live stream)</source>
        <translation>BTCUSDT, ETHUSDT (empty: the tier-1 watchlist, for gap fills and the live stream)</translation>
    </message>
    <message>
        <source>(none; the public API needs no key)</source>
        <translation>(none; the public API needs no key)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>&amp;Analyse after each refresh</source>
        <translation>&amp;Analyse after each refresh</translation>
    </message>
    <message>
        <source>CoinGecko address:</source>
        <translation>CoinGecko address:</translation>
    </message>
    <message>
        <source>CoinGecko API &amp;key:</source>
        <translation>CoinGecko API &amp;key:</translation>
    </message>
    <message>
        <source>CoinGecko &amp;requests:</source>
        <translation>CoinGecko &amp;requests:</translation>
    </message>
    <message>
        <source>Binance REST address:</source>
        <translation>Binance REST address:</translation>
    </message>
    <message>
        <source>Binance stream address:</source>
        <translation>Binance stream address:</translation>
    </message>
    <message>
        <source>Binance &amp;symbols:</source>
        <translation>Binance &amp;symbols:</translation>
    </message>
    <message>
        <source>Fear &amp;&amp; Greed address:</source>
        <translation>Fear &amp;&amp; Greed address:</translation>
    </message>
    <message>
        <source>Re&amp;fresh every:</source>
        <translation>Re&amp;fresh every:</translation>
    </message>
    <message>
        <source>&amp;Evaluate predictions every:</source>
        <translation>&amp;Evaluate predictions every:</translation>
    </message>
    <message>
        <source>&amp;Offer this instance&apos;s API to other desktops</source>
        <translation>&amp;Offer this instance&apos;s API to other desktops</translation>
    </message>
    <message>
        <source>127.0.0.1 accepts connections from this computer only; 0.0.0.0 from the whole network.</source>
        <translation>127.0.0.1 accepts connections from this computer only; 0.0.0.0 from the whole network.</translation>
    </message>
    <message>
        <source>Listen on &amp;address:</source>
        <translation>Listen on &amp;address:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <source>Some settings were not saved: %1</source>
        <translation>Some settings were not saved: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>The setup is saved. CryptoPredict uses the new database after a restart.</source>
        <translation>The setup is saved. CryptoPredict uses the new database after a restart.</translation>
    </message>
    <message>
        <source>Public (no key)</source>
        <translation>Public (no key)</translation>
    </message>
    <message>
        <source>Demo key</source>
        <translation>Demo key</translation>
    </message>
    <message>
        <source>Pro key</source>
        <translation>Pro key</translation>
    </message>
    <message>
        <source> coins</source>
        <translation> coins</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>CoinGecko p&amp;lan:</source>
        <translation>CoinGecko p&amp;lan:</translation>
    </message>
    <message>
        <source>CoinGecko coi&amp;ns kept current:</source>
        <translation>CoinGecko coi&amp;ns kept current:</translation>
    </message>
    <message>
        <source>Binance &amp;bar length:</source>
        <translation>Binance &amp;bar length:</translation>
    </message>
</context>
<context>
    <name>cp::ui::SignIn</name>
    <message>
        <source>The e-mail address or password is not correct.</source>
        <translation>The e-mail address or password is not correct.</translation>
    </message>
    <message>
        <source>This account is disabled; ask an admin.</source>
        <translation>This account is disabled; ask an admin.</translation>
    </message>
    <message>
        <source>This database already has an admin; sign in instead.</source>
        <translation>This database already has an admin; sign in instead.</translation>
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation>Enter an e-mail address.</translation>
    </message>
</context>
<context>
    <name>cp::ui::SignInDialog</name>
    <message>
        <source>Sign in to CryptoPredict</source>
        <translation>Sign in to CryptoPredict</translation>
    </message>
    <message>
        <source>Sign in with your e-mail address and password.</source>
        <translation>Sign in with your e-mail address and password.</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Continue as &amp;guest</source>
        <translation>Continue as &amp;guest</translation>
    </message>
    <message>
        <source>Create the first admin</source>
        <translation>Create the first admin</translation>
    </message>
    <message>
        <source>This database has no admin yet. Choose the e-mail address and password of the first one (at least 10 characters).</source>
        <translation>This database has no admin yet. Choose the e-mail address and password of the first one (at least 10 characters).</translation>
    </message>
    <message>
        <source>&amp;Create admin</source>
        <translation>&amp;Create admin</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>Opening the database...</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Creating the admin...</source>
        <translation>Creating the admin...</translation>
    </message>
    <message>
        <source>Signing in...</source>
        <translation>Signing in...</translation>
    </message>
    <message>
        <source>Connect to a &amp;peer...</source>
        <translation>Connect to a &amp;peer...</translation>
    </message>
</context>
<context>
    <name>cp::ui::SignalPerformancePanel</name>
    <message>
        <source>Loading performance...</source>
        <translation>Loading performance...</translation>
    </message>
    <message>
        <source>Backtest performance</source>
        <translation>Backtest performance</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <source>Average return</source>
        <translation>Average return</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>No backtest has been run yet. Run Analysis &gt; Backtest or `cryptopredict-cli backtest` to measure the signals out of sample.</source>
        <translation>No backtest has been run yet. Run Analysis &gt; Backtest or `cryptopredict-cli backtest` to measure the signals out of sample.</translation>
    </message>
    <message>
        <source>Out-of-sample backtest of %1 (version %2), confidence at least %3.</source>
        <translation>Out-of-sample backtest of %1 (version %2), confidence at least %3.</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risk: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <source>Live record: no closed signals yet (`cryptopredict-cli evaluate` closes expired signals).</source>
        <translation>Live record: no closed signals yet (`cryptopredict-cli evaluate` closes expired signals).</translation>
    </message>
    <message numerus="yes">
        <source>Live record: %n closed signal(s): %1 target hit, %2 stopped, %3 expired; average return %4.</source>
        <translation>
            <numerusform>Live record: %n closed signal: %1 target hit, %2 stopped, %3 expired; average return %4.</numerusform>
            <numerusform>Live record: %n closed signals: %1 target hit, %2 stopped, %3 expired; average return %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::ui::SignalsPage</name>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>To target</source>
        <translation>To target</translation>
    </message>
    <message>
        <source>Reward/risk</source>
        <translation>Reward/risk</translation>
    </message>
    <message>
        <source>Horizon (h)</source>
        <translation>Horizon (h)</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generated</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Active signals</source>
        <translation>Active signals</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Executed</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Portfolio %</source>
        <translation>Portfolio %</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>My executions</source>
        <translation>My executions</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Any risk</translation>
    </message>
    <message>
        <source>Long and short</source>
        <translation>Long and short</translation>
    </message>
    <message>
        <source>Minimum &amp;confidence:</source>
        <translation>Minimum &amp;confidence:</translation>
    </message>
    <message>
        <source>&amp;Risk:</source>
        <translation>&amp;Risk:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Direction:</translation>
    </message>
    <message>
        <source>&amp;Execute...</source>
        <translation>&amp;Execute...</translation>
    </message>
    <message>
        <source>Sign in to execute signals</source>
        <translation>Sign in to execute signals</translation>
    </message>
    <message>
        <source>Select a signal</source>
        <translation>Select a signal</translation>
    </message>
    <message>
        <source>Select a signal to see its price chart</source>
        <translation>Select a signal to see its price chart</translation>
    </message>
    <message>
        <source>No active signals</source>
        <translation>No active signals</translation>
    </message>
    <message>
        <source>&lt;p&gt;The timing layer has no open signal. Signals appear after an analysis finds an entry whose calibrated confidence passes the threshold.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The timing layer has no open signal. Signals appear after an analysis finds an entry whose calibrated confidence passes the threshold.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 of %2 signals</source>
        <translation>%1 of %2 signals</translation>
    </message>
    <message>
        <source>%1 %2 - %3 confidence</source>
        <translation>%1 %2 - %3 confidence</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Entry&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Target&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;Stop&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Risk&lt;/b&gt; %4 &amp;nbsp; &lt;b&gt;Reward/risk&lt;/b&gt; %5 &amp;nbsp; &lt;b&gt;Horizon&lt;/b&gt; %6 h&lt;/p&gt;&lt;h4&gt;Key factors&lt;/h4&gt;%7&lt;h4&gt;Market context&lt;/h4&gt;%8</source>
        <translation>&lt;p&gt;&lt;b&gt;Entry&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Target&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;Stop&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Risk&lt;/b&gt; %4 &amp;nbsp; &lt;b&gt;Reward/risk&lt;/b&gt; %5 &amp;nbsp; &lt;b&gt;Horizon&lt;/b&gt; %6 h&lt;/p&gt;&lt;h4&gt;Key factors&lt;/h4&gt;%7&lt;h4&gt;Market context&lt;/h4&gt;%8</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signals</translation>
    </message>
</context>
<context>
    <name>cp::ui::StatusPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel the running analysis</source>
        <translation>Cancel the running analysis</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last analysis: %1</source>
        <translation>Last analysis: %1</translation>
    </message>
    <message>
        <source>Last analysis: never</source>
        <translation>Last analysis: never</translation>
    </message>
</context>
<context>
    <name>cp::ui::SuggestionsPage</name>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Current tier</source>
        <translation>Current tier</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Pending suggestions</source>
        <translation>Pending suggestions</translation>
    </message>
    <message>
        <source>Most confident first</source>
        <translation>Most confident first</translation>
    </message>
    <message>
        <source>Expiring first</source>
        <translation>Expiring first</translation>
    </message>
    <message>
        <source>Suggested tier</source>
        <translation>Suggested tier</translation>
    </message>
    <message>
        <source>Tier 1</source>
        <translation>Tier 1</translation>
    </message>
    <message>
        <source>Tier 2</source>
        <translation>Tier 2</translation>
    </message>
    <message>
        <source>Place an approved addition or promotion in another tier</source>
        <translation>Place an approved addition or promotion in another tier</translation>
    </message>
    <message>
        <source>Review notes (optional)</source>
        <translation>Review notes (optional)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Re&amp;ject</translation>
    </message>
    <message>
        <source>De&amp;fer</source>
        <translation>De&amp;fer</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>&amp;Sort:</translation>
    </message>
    <message>
        <source>Select a suggestion</source>
        <translation>Select a suggestion</translation>
    </message>
    <message>
        <source>Score components (z-scores)</source>
        <translation>Score components (z-scores)</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>Recent reviews</source>
        <translation>Recent reviews</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue is empty</source>
        <translation>The queue is empty</translation>
    </message>
    <message>
        <source>&lt;p&gt;No suggestion is waiting for review.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No suggestion is waiting for review.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Only a signed-in admin can review</source>
        <translation>Only a signed-in admin can review</translation>
    </message>
    <message>
        <source>&amp;Approve %1</source>
        <translation>&amp;Approve %1</translation>
    </message>
    <message>
        <source>%1: %2 (%3 confidence)</source>
        <translation>%1: %2 (%3 confidence)</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z-score</translation>
    </message>
    <message>
        <source>Only a signed-in admin can review suggestions.</source>
        <translation>Only a signed-in admin can review suggestions.</translation>
    </message>
    <message>
        <source>Select one or more suggestions first.</source>
        <translation>Select one or more suggestions first.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) reviewed.</source>
        <translation>
            <numerusform>%n suggestion reviewed.</numerusform>
            <numerusform>%n suggestions reviewed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
</context>
<context>
    <name>cp::ui::WatchlistsPage</name>
    <message>
        <source>Watchlist</source>
        <translation>Watchlist</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>24h</source>
        <translation>24h</translation>
    </message>
    <message>
        <source>AI confidence</source>
        <translation>AI confidence</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>Market cap</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Tier 1</source>
        <translation>Tier 1</translation>
    </message>
    <message>
        <source>Tier 2</source>
        <translation>Tier 2</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>Select an asset to see its chart</source>
        <translation>Select an asset to see its chart</translation>
    </message>
    <message>
        <source>RSI (14)</source>
        <translation>RSI (14)</translation>
    </message>
    <message>
        <source>MACD (12, 26, 9)</source>
        <translation>MACD (12, 26, 9)</translation>
    </message>
    <message>
        <source>No watchlists yet: approving a suggestion creates the tier lists.</source>
        <translation>No watchlists yet: approving a suggestion creates the tier lists.</translation>
    </message>
    <message>
        <source>RSI</source>
        <translation>RSI</translation>
    </message>
    <message>
        <source>MACD</source>
        <translation>MACD</translation>
    </message>
    <message>
        <source>Signal</source>
        <extracomment>Chart series: the MACD signal line</extracomment>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Only an admin can change watchlists.</source>
        <translation>Only an admin can change watchlists.</translation>
    </message>
    <message>
        <source>Choose a watchlist and an asset first.</source>
        <translation>Choose a watchlist and an asset first.</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 added.</translation>
    </message>
    <message>
        <source>Select an item first.</source>
        <translation>Select an item first.</translation>
    </message>
    <message>
        <source>Item removed.</source>
        <translation>Item removed.</translation>
    </message>
    <message>
        <source>Order saved.</source>
        <translation>Order saved.</translation>
    </message>
    <message>
        <source>Watchlists</source>
        <translation>Watchlists</translation>
    </message>
    <message>
        <source>A peer&apos;s watchlists cannot be edited from this desktop yet.</source>
        <translation>A peer&apos;s watchlists cannot be edited from this desktop yet.</translation>
    </message>
</context>
<context>
    <name>cp::ui::charts::ChartView</name>
    <message>
        <source>No data yet</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>cp::ui::charts::PriceChart</name>
    <message>
        <source>Bollinger upper</source>
        <translation>Bollinger upper</translation>
    </message>
    <message>
        <source>Bollinger lower</source>
        <translation>Bollinger lower</translation>
    </message>
    <message>
        <source>EMA %1</source>
        <translation>EMA %1</translation>
    </message>
</context>
</TS>
