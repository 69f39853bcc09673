<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <extracomment>&quot;RTL&quot; in right-to-left languages (Persian, Arabic, Hebrew), &quot;LTR&quot; in the others.</extracomment>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>cp::app::AppSettings</name>
    <message>
        <source>Theme must be light or dark.</source>
        <translation>پوسته باید روشن یا تیره باشد.</translation>
    </message>
    <message>
        <source>CoinGecko address</source>
        <translation>نشانی CoinGecko</translation>
    </message>
    <message>
        <source>Binance REST address</source>
        <translation>نشانی REST بایننس</translation>
    </message>
    <message>
        <source>Binance stream address</source>
        <translation>نشانی جریان دادهٔ بایننس</translation>
    </message>
    <message>
        <source>Fear &amp; Greed address</source>
        <translation>نشانی شاخص ترس و طمع</translation>
    </message>
    <message>
        <source>%1 must be a full address such as https://example.com (got &apos;%2&apos;).</source>
        <translation>%L1 باید نشانی کامل باشد، مانند https://example.com (دریافتی: «%L2»).</translation>
    </message>
    <message>
        <source>CoinGecko requests per minute must be from 1 to 1000.</source>
        <translation>شمار درخواست‌های CoinGecko در دقیقه باید از ۱ تا ۱۰۰۰ باشد.</translation>
    </message>
    <message>
        <source>Market refresh interval must be from 0 (off) to 1440 minutes.</source>
        <translation>فاصلهٔ تازه‌سازی بازار باید از ۰ (خاموش) تا ۱۴۴۰ دقیقه باشد.</translation>
    </message>
    <message>
        <source>Evaluation interval must be from 1 to 1440 minutes.</source>
        <translation>فاصلهٔ ارزیابی باید از ۱ تا ۱۴۴۰ دقیقه باشد.</translation>
    </message>
    <message>
        <source>Serve-to-peers port must be from 1 to 65535.</source>
        <translation>درگاه خدمت‌دهی به همتایان باید از ۱ تا ۶۵۵۳۵ باشد.</translation>
    </message>
    <message>
        <source>Serve-to-peers address must not be empty.</source>
        <translation>نشانی خدمت‌دهی به همتایان نباید خالی باشد.</translation>
    </message>
    <message>
        <source>CoinGecko plan must be public, demo or pro.</source>
        <translation>طرح CoinGecko باید عمومی، آزمایشی یا حرفه‌ای باشد.</translation>
    </message>
    <message>
        <source>CoinGecko market count must be from 1 to 250.</source>
        <translation>شمار بازارهای CoinGecko باید از ۱ تا ۲۵۰ باشد.</translation>
    </message>
    <message>
        <source>Binance bar length must not be empty.</source>
        <translation>طول میلهٔ بایننس نباید خالی باشد.</translation>
    </message>
</context>
<context>
    <name>cp::app::CredentialStore</name>
    <message>
        <source>The keychain holds no entry for %1.</source>
        <translation>جاکلیدی هیچ مدخلی برای %L1 ندارد.</translation>
    </message>
    <message>
        <source>The keychain refused access (%1). CryptoPredict will ask for the secret each time instead.</source>
        <translation>جاکلیدی دسترسی را نپذیرفت (%L1). کریپتوپردیکت به‌جای آن هر بار رمز را می‌پرسد.</translation>
    </message>
    <message>
        <source>The keychain could not delete %1 (%2).</source>
        <translation>جاکلیدی نتوانست %L1 را پاک کند (%L2).</translation>
    </message>
    <message>
        <source>No keychain is available (%1). CryptoPredict does not store secrets in plain text, so it will ask for them each time and keep them in memory only until it quits.</source>
        <translation>هیچ جاکلیدی در دسترس نیست (%L1). کریپتوپردیکت رمزها را به‌صورت متن ساده ذخیره نمی‌کند؛ پس هر بار آن‌ها را می‌پرسد و تنها تا هنگام بسته شدن در حافظه نگه می‌دارد.</translation>
    </message>
    <message>
        <source>no Secret Service found</source>
        <translation>هیچ Secret Service پیدا نشد</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 seconds.</source>
        <translation>جاکلیدی در %L1 ثانیه پاسخ نداد.</translation>
    </message>
</context>
<context>
    <name>cp::app::PeerSync</name>
    <message>
        <source>The peer no longer accepts this sign-in.</source>
        <translation>همتا دیگر این ورود را نمی‌پذیرد.</translation>
    </message>
    <message>
        <source> (showing data from %1)</source>
        <translation> (نمایش داده‌های ‪%L1‬)</translation>
    </message>
    <message>
        <source>Peer: offline</source>
        <translation>همتا: آفلاین</translation>
    </message>
    <message>
        <source>Peer: synchronising...</source>
        <translation>همتا: در حال همگام‌سازی...</translation>
    </message>
    <message>
        <source>Peer: connected</source>
        <translation>همتا: متصل</translation>
    </message>
    <message>
        <source>Peer: reconnecting in %1 s</source>
        <translation>همتا: اتصال دوباره تا %L1 ثانیهٔ دیگر</translation>
    </message>
    <message>
        <source>Peer: reconnecting...</source>
        <translation>همتا: در حال اتصال دوباره...</translation>
    </message>
    <message>
        <source>Peer: sign in again</source>
        <translation>همتا: دوباره وارد شوید</translation>
    </message>
</context>
<context>
    <name>cp::app::PeerTokenStore</name>
    <message>
        <source>No keychain is available, so you will be asked to sign in each time.</source>
        <translation>هیچ جاکلیدی در دسترس نیست؛ پس هر بار از شما خواسته می‌شود وارد شوید.</translation>
    </message>
    <message>
        <source>Your saved sign-in to %1 is no longer valid (it expired or was revoked). Sign in again.</source>
        <translation>ورود ذخیره‌شدهٔ شما به ‪%L1‬ دیگر معتبر نیست (منقضی یا باطل شده است). دوباره وارد شوید.</translation>
    </message>
    <message>
        <source>Could not reach %1: %2.</source>
        <translation>دسترسی به ‪%L1‬ ممکن نشد: %L2.</translation>
    </message>
    <message>
        <source>%1 could not check the saved sign-in: %2</source>
        <translation>‪%L1‬ نتوانست ورود ذخیره‌شده را بررسی کند: %L2</translation>
    </message>
</context>
<context>
    <name>cp::app::importers</name>
    <message>
        <source>line %1: %2</source>
        <translation>سطر %L1: %L2</translation>
    </message>
    <message>
        <source>a %1 entry has %2 values; expected [time, value].</source>
        <translation>یک مدخل %L1 دارای %L2 مقدار است؛ انتظار می‌رفت [time, value].</translation>
    </message>
    <message>
        <source>a %1 entry has no time.</source>
        <translation>یک مدخل %L1 زمان ندارد.</translation>
    </message>
    <message>
        <source>There is no sector named &apos;%1&apos;; the sectors are %2.</source>
        <translation>بخشی به نام «%L1» نیست؛ بخش‌ها این‌ها هستند: %L2.</translation>
    </message>
    <message>
        <source>%1 holds simulated demo data; import real data into a database of its own (--db).</source>
        <translation>%L1 دادهٔ نمایشی شبیه‌سازی‌شده دارد؛ دادهٔ واقعی را در پایگاه دادهٔ جداگانه‌ای وارد کنید (--db).</translation>
    </message>
    <message>
        <source>Could not update the asset&apos;s current price: %1</source>
        <translation>قیمت کنونی دارایی به‌روز نشد: %L1</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::CoinGeckoChart</name>
    <message>
        <source>expected a CoinGecko market_chart object or ohlc array.</source>
        <translation>انتظار یک شیء market_chart یا آرایهٔ ohlc از CoinGecko می‌رفت.</translation>
    </message>
    <message>
        <source>unexpected text after the JSON value.</source>
        <translation>متن نابه‌جا پس از مقدار JSON.</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::CoinGeckoReader</name>
    <message>
        <source>an ohlc entry has %1 values; expected [time, open, high, low, close].</source>
        <translation>یک مدخل ohlc دارای %L1 مقدار است؛ انتظار می‌رفت [time, open, high, low, close].</translation>
    </message>
    <message>
        <source>an ohlc entry holds null.</source>
        <translation>یک مدخل ohlc مقدار null دارد.</translation>
    </message>
    <message>
        <source>the file has no prices.</source>
        <translation>پرونده قیمتی ندارد.</translation>
    </message>
    <message>
        <source>a prices entry has %1 values; expected [time, price].</source>
        <translation>یک مدخل prices دارای %L1 مقدار است؛ انتظار می‌رفت [time, price].</translation>
    </message>
    <message>
        <source>a prices entry holds null.</source>
        <translation>یک مدخل prices مقدار null دارد.</translation>
    </message>
    <message>
        <source>CoinGecko /ohlc: [time (ms), open, high, low, close]</source>
        <translation>CoinGecko /ohlc: [زمان (میلی‌ثانیه)، باز، بیشینه، کمینه، بسته]</translation>
    </message>
    <message>
        <source>volume: not in the file (0)</source>
        <translation>حجم: در پرونده نیست (۰)</translation>
    </message>
    <message>
        <source>market cap: not in the file</source>
        <translation>ارزش بازار: در پرونده نیست</translation>
    </message>
    <message>
        <source>CoinGecko /market_chart: prices -&gt; close (open = previous close)</source>
        <translation>CoinGecko /market_chart: prices ← بسته (باز = بستهٔ پیشین)</translation>
    </message>
    <message>
        <source>market_caps -&gt; market cap (%1 points)</source>
        <translation>market_caps ← ارزش بازار (%L1 نقطه)</translation>
    </message>
    <message>
        <source>total_volumes -&gt; volume (%1 points, 24h volume / price, scaled to the bar)</source>
        <translation>total_volumes ← حجم (%L1 نقطه، حجم ۲۴ ساعته / قیمت، هم‌مقیاس با میله)</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::CsvCandleReader</name>
    <message>
        <source>line %1: %2</source>
        <translation>سطر %L1: %L2</translation>
    </message>
    <message>
        <source>unterminated quote.</source>
        <translation>نقل‌قول بسته نشده است.</translation>
    </message>
    <message>
        <source>the header has %1 columns; Binance klines have %2.</source>
        <translation>سرستون‌ها %L1 ستون دارند؛ klineهای بایننس %L2 ستون دارند.</translation>
    </message>
    <message>
        <source>the header names the %1 twice (&apos;%2&apos; and &apos;%3&apos;).</source>
        <translation>سرستون‌ها %L1 را دو بار نام برده‌اند («%L2» و «%L3»).</translation>
    </message>
    <message>
        <source>the header has no %1 column (accepted names: %2).</source>
        <translation>سرستون‌ها ستون %L1 ندارند (نام‌های پذیرفتنی: %L2).</translation>
    </message>
    <message>
        <source>expected %1 columns, found %2.</source>
        <translation>انتظار %L1 ستون می‌رفت، %L2 ستون پیدا شد.</translation>
    </message>
    <message>
        <source>cannot read the timestamp &apos;%1&apos;.</source>
        <translation>برچسب زمانی «%L1» خوانده نمی‌شود.</translation>
    </message>
    <message>
        <source>cannot read the %1 &apos;%2&apos; as a number.</source>
        <translation>%L1 «%L2» را نمی‌توان به‌عنوان عدد خواند.</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>خوانده نمی‌شود: %L1</translation>
    </message>
    <message>
        <source>ISO 8601</source>
        <translation>ISO 8601</translation>
    </message>
    <message>
        <source>epoch seconds</source>
        <translation>ثانیه از مبدأ یونیکس</translation>
    </message>
    <message>
        <source>epoch milliseconds</source>
        <translation>میلی‌ثانیه از مبدأ یونیکس</translation>
    </message>
    <message>
        <source>epoch microseconds</source>
        <translation>میکروثانیه از مبدأ یونیکس</translation>
    </message>
    <message>
        <source>%1: column %2</source>
        <translation>%L1: ستون %L2</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>نقطه‌ویرگول</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>جدول‌بندی (tab)</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>ویرگول</translation>
    </message>
    <message>
        <source>header line: yes</source>
        <translation>سطر سرستون: دارد</translation>
    </message>
    <message>
        <source>header line: no</source>
        <translation>سطر سرستون: ندارد</translation>
    </message>
    <message>
        <source>separator: %1</source>
        <translation>جداکننده: %L1</translation>
    </message>
    <message>
        <source>decimal mark: comma or point</source>
        <translation>ممیز: ویرگول یا نقطه</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::JsonScanner</name>
    <message>
        <source>expected &apos;%1&apos; but found &apos;%2&apos;.</source>
        <translation>انتظار «%L1» می‌رفت اما «%L2» پیدا شد.</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos; but the file ends.</source>
        <translation>انتظار «%L1» می‌رفت اما پرونده تمام شد.</translation>
    </message>
    <message>
        <source>unterminated string.</source>
        <translation>رشته بسته نشده است.</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos; as a number.</source>
        <translation>«%L1» را نمی‌توان به‌عنوان عدد خواند.</translation>
    </message>
    <message>
        <source>unexpected end of the file.</source>
        <translation>پایان نابه‌هنگام پرونده.</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::PriceImporter</name>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%L1 باز نمی‌شود: %L2</translation>
    </message>
    <message>
        <source>No file to import.</source>
        <translation>پرونده‌ای برای وارد کردن نیست.</translation>
    </message>
    <message>
        <source>The import needs the asset&apos;s symbol.</source>
        <translation>برای وارد کردن، نماد دارایی لازم است.</translation>
    </message>
    <message>
        <source>%1 is not a readable file.</source>
        <translation>%L1 پروندهٔ خواندنی نیست.</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>وارد کردن لغو شد.</translation>
    </message>
    <message>
        <source>%1 holds no rows.</source>
        <translation>%L1 هیچ ردیفی ندارد.</translation>
    </message>
</context>
<context>
    <name>cp::app::importers::RowValidator</name>
    <message>
        <source>%1 is not a finite number.</source>
        <translation>%L1 عدد متناهی نیست.</translation>
    </message>
    <message>
        <source>%1 %2 is negative.</source>
        <translation>%L1 %L2 منفی است.</translation>
    </message>
    <message>
        <source>high %1 is below low %2.</source>
        <translation>بیشینهٔ %L1 کمتر از کمینهٔ %L2 است.</translation>
    </message>
    <message>
        <source>timestamp %1 is earlier than the previous row&apos;s %2 (rows must be in ascending time order).</source>
        <translation>برچسب زمانی %L1 زودتر از %L2 در ردیف پیشین است (ردیف‌ها باید به ترتیب صعودی زمان باشند).</translation>
    </message>
    <message>
        <source>timestamp %1 repeats line %2 with different values.</source>
        <translation>برچسب زمانی %L1 سطر %L2 را با مقادیر دیگری تکرار می‌کند.</translation>
    </message>
</context>
<context>
    <name>cp::models::views</name>
    <message>
        <source>No data yet</source>
        <translation>هنوز داده‌ای نیست</translation>
    </message>
    <message>
        <source>No sectors</source>
        <translation>بخشی نیست</translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation>%L1 فعال</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%L1 در انتظار</translation>
    </message>
    <message>
        <source>%1 signals</source>
        <translation>%L1 سیگنال</translation>
    </message>
    <message>
        <source>Bull</source>
        <extracomment>Market regime: prices rising broadly (a bull market)</extracomment>
        <translation>گاوی</translation>
    </message>
    <message>
        <source>Bear</source>
        <extracomment>Market regime: prices falling broadly (a bear market)</extracomment>
        <translation>خرسی</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>خنثی</translation>
    </message>
    <message>
        <source>Volatile</source>
        <translation>پرنوسان</translation>
    </message>
    <message>
        <source>Low</source>
        <extracomment>Risk level</extracomment>
        <translation>کم</translation>
    </message>
    <message>
        <source>Medium</source>
        <extracomment>Risk level</extracomment>
        <translation>متوسط</translation>
    </message>
    <message>
        <source>High</source>
        <extracomment>Risk level</extracomment>
        <translation>زیاد</translation>
    </message>
    <message>
        <source>Extreme</source>
        <extracomment>Risk level</extracomment>
        <translation>بسیار زیاد</translation>
    </message>
    <message>
        <source>Add to Tier 1</source>
        <translation>افزودن به ردهٔ ۱</translation>
    </message>
    <message>
        <source>Add to Tier 2</source>
        <translation>افزودن به ردهٔ ۲</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>ارتقا</translation>
    </message>
    <message>
        <source>Demote</source>
        <translation>تنزل</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Long</source>
        <extracomment>Trade side: buy, profiting when the price rises</extracomment>
        <translation>خرید</translation>
    </message>
    <message>
        <source>Short</source>
        <extracomment>Trade side: sell, profiting when the price falls</extracomment>
        <translation>فروش</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>در حال آموزش</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>اجراشده</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منقضی‌شده</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغوشده</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>در انتظار</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ردشده</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقف‌شده</translation>
    </message>
    <message>
        <source>Tier 1</source>
        <extracomment>Watchlist tier: the short list of assets followed most closely</extracomment>
        <translation>ردهٔ ۱</translation>
    </message>
    <message>
        <source>Tier 2</source>
        <extracomment>Watchlist tier: the wider list of assets followed</extracomment>
        <translation>ردهٔ ۲</translation>
    </message>
    <message>
        <source>None</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Layer 1 - Macro</source>
        <translation>لایهٔ ۱ - کلان</translation>
    </message>
    <message>
        <source>Layer 2 - Sectors</source>
        <translation>لایهٔ ۲ - بخش‌ها</translation>
    </message>
    <message>
        <source>Layer 3 - Assets</source>
        <translation>لایهٔ ۳ - دارایی‌ها</translation>
    </message>
    <message>
        <source>Layer 4 - Timing</source>
        <translation>لایهٔ ۴ - زمان‌بندی</translation>
    </message>
    <message>
        <source>Macro</source>
        <translation>کلان</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>بخش</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>دارایی</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>زمان‌بندی</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>مدیر</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>حرفه‌ای</translation>
    </message>
    <message>
        <source>Casual</source>
        <translation>عادی</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>دستی</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>خودکار</translation>
    </message>
    <message>
        <source>Filled</source>
        <extracomment>Order status: the whole order was executed</extracomment>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation>بخشی انجام‌شده</translation>
    </message>
    <message>
        <source>Bullish</source>
        <translation>صعودی</translation>
    </message>
    <message>
        <source>Bearish</source>
        <translation>نزولی</translation>
    </message>
    <message>
        <source>Rotating</source>
        <translation>در حال چرخش</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>پایدار</translation>
    </message>
    <message>
        <source>Signals ready</source>
        <translation>سیگنال‌ها آماده‌اند</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>در انتظار</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>در انتظار بررسی</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>بدون داده</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رد</translation>
    </message>
    <message>
        <source>Defer</source>
        <extracomment>Review decision: decide later</extracomment>
        <translation>تعویق</translation>
    </message>
</context>
<context>
    <name>cp::ui</name>
    <message>
        <source>Guest</source>
        <translation>مهمان</translation>
    </message>
</context>
<context>
    <name>cp::ui::AccountPage</name>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>تکرار گذرواژه (&amp;R):</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>رایانامه (&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>گذرواژه (&amp;P):</translation>
    </message>
    <message>
        <source>Create the first admin</source>
        <translation>ساخت نخستین مدیر</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>The admin manages users, runs analyses and tunes shared limits. Choose a password of at least 10 characters.</source>
        <translation>مدیر کاربران را مدیریت می‌کند، تحلیل‌ها را اجرا می‌کند و سقف‌های مشترک را تنظیم می‌کند. گذرواژه‌ای دست‌کم ۱۰ نویسه‌ای برگزینید.</translation>
    </message>
    <message>
        <source>This database already has users. Sign in with your account.</source>
        <translation>این پایگاه داده از پیش کاربر دارد. با حساب خود وارد شوید.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
    <message>
        <source>Creating the admin...</source>
        <translation>در حال ساخت مدیر...</translation>
    </message>
    <message>
        <source>Signing in...</source>
        <translation>در حال ورود...</translation>
    </message>
</context>
<context>
    <name>cp::ui::AdminPage</name>
    <message>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>لایه</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>آموزش‌دیده در</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>آخرین استفاده</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>معیارها</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>بررسی‌شده در</translation>
    </message>
    <message>
        <source>Health score</source>
        <translation>امتیاز سلامت</translation>
    </message>
    <message>
        <source>Data pipeline</source>
        <translation>خط لولهٔ داده</translation>
    </message>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>فعالیت</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <source>Models are refitted on every analysis run; Retrain refits the selected one now on the stored history. Their walk-forward metrics are recorded here.</source>
        <translation>مدل‌ها در هر اجرای تحلیل دوباره برازش می‌شوند؛ «آموزش دوباره» مدل انتخاب‌شده را همین حالا روی تاریخچهٔ ذخیره‌شده برازش می‌کند. معیارهای آزمون پیش‌رونده (walk-forward) آن‌ها اینجا ثبت می‌شود.</translation>
    </message>
    <message>
        <source>&amp;Retrain selected model</source>
        <translation>آموزش دوبارهٔ مدل انتخاب‌شده (&amp;R)</translation>
    </message>
    <message>
        <source>AI models</source>
        <translation>مدل‌های هوش مصنوعی</translation>
    </message>
    <message>
        <source>System health</source>
        <translation>سلامت سامانه</translation>
    </message>
    <message>
        <source>User activities</source>
        <translation>فعالیت‌های کاربران</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>پیکربندی</translation>
    </message>
    <message>
        <source>&amp;Save configuration</source>
        <translation>ذخیرهٔ پیکربندی (&amp;S)</translation>
    </message>
    <message>
        <source>Tier 1 limit (assets):</source>
        <translation>سقف ردهٔ ۱ (دارایی):</translation>
    </message>
    <message>
        <source>Tier 2 limit (assets):</source>
        <translation>سقف ردهٔ ۲ (دارایی):</translation>
    </message>
    <message>
        <source>Minimum suggestion confidence:</source>
        <translation>حداقل اطمینان پیشنهاد:</translation>
    </message>
    <message>
        <source>Minimum signal confidence:</source>
        <translation>حداقل اطمینان سیگنال:</translation>
    </message>
    <message>
        <source>%1 cannot be retrained on its own; run an analysis instead.</source>
        <translation>%L1 را نمی‌توان جداگانه دوباره آموزش داد؛ به‌جای آن یک تحلیل اجرا کنید.</translation>
    </message>
    <message>
        <source>Retraining %1...</source>
        <translation>در حال آموزش دوبارهٔ %L1...</translation>
    </message>
    <message>
        <source>%1 retrained.</source>
        <translation>%L1 دوباره آموزش داده شد.</translation>
    </message>
    <message>
        <source>Only an admin can change the configuration.</source>
        <translation>فقط مدیر می‌تواند پیکربندی را تغییر دهد.</translation>
    </message>
    <message>
        <source>Configuration saved.</source>
        <translation>پیکربندی ذخیره شد.</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>مدیریت</translation>
    </message>
    <message>
        <source>The peer&apos;s configuration cannot be changed from here yet.</source>
        <translation>پیکربندی همتا هنوز از اینجا تغییرپذیر نیست.</translation>
    </message>
</context>
<context>
    <name>cp::ui::AdminSettingsSection</name>
    <message>
        <source>Loading the shared settings...</source>
        <translation>در حال بارگذاری تنظیمات مشترک...</translation>
    </message>
    <message>
        <source>Tier &amp;1 watchlist limit:</source>
        <translation>سقف فهرست دیده‌بانی ردهٔ ۱ (&amp;1):</translation>
    </message>
    <message>
        <source>Tier &amp;2 watchlist limit:</source>
        <translation>سقف فهرست دیده‌بانی ردهٔ ۲ (&amp;2):</translation>
    </message>
    <message>
        <source>Suggestion &amp;confidence minimum (0-1):</source>
        <translation>حداقل اطمینان پیشنهاد (۰ تا ۱) (&amp;C):</translation>
    </message>
    <message>
        <source>Si&amp;gnal confidence minimum (0-1):</source>
        <translation>حداقل اطمینان سیگنال (۰ تا ۱) (&amp;G):</translation>
    </message>
    <message>
        <source>These values are shared by everyone using this database.</source>
        <translation>این مقادیر میان همهٔ کاربران این پایگاه داده مشترک است.</translation>
    </message>
    <message>
        <source>Tier 1 watchlist limit</source>
        <translation>سقف فهرست دیده‌بانی ردهٔ ۱</translation>
    </message>
    <message>
        <source>Tier 2 watchlist limit</source>
        <translation>سقف فهرست دیده‌بانی ردهٔ ۲</translation>
    </message>
    <message>
        <source>%1 must be a whole number from 1 to 10000.</source>
        <translation>%L1 باید عددی صحیح از ۱ تا ۱۰۰۰۰ باشد.</translation>
    </message>
    <message>
        <source>Suggestion confidence minimum</source>
        <translation>حداقل اطمینان پیشنهاد</translation>
    </message>
    <message>
        <source>Signal confidence minimum</source>
        <translation>حداقل اطمینان سیگنال</translation>
    </message>
    <message>
        <source>%1 must be a number from 0 to 1 (got &apos;%2&apos;).</source>
        <translation>%L1 باید عددی از ۰ تا ۱ باشد (دریافتی: «%L2»).</translation>
    </message>
</context>
<context>
    <name>cp::ui::DataPage</name>
    <message>
        <source>Data to start with</source>
        <translation>داده برای شروع</translation>
    </message>
    <message>
        <source>You can load simulated market history to explore the program, or start empty and bring in your own price files.</source>
        <translation>می‌توانید برای آشنایی با برنامه تاریخچهٔ شبیه‌سازی‌شدهٔ بازار را بارگذاری کنید، یا خالی شروع کنید و پرونده‌های قیمت خود را وارد کنید.</translation>
    </message>
    <message>
        <source>Load &amp;simulated demo data (%1 assets, %2 days; marked as simulated everywhere)</source>
        <translation>بارگذاری دادهٔ نمایشی شبیه‌سازی‌شده (%L1 دارایی، %L2 روز؛ همه‌جا با برچسب شبیه‌سازی‌شده) (&amp;S)</translation>
    </message>
    <message>
        <source>Start &amp;empty; import price files later from File &gt; Import</source>
        <translation>شروع خالی؛ پرونده‌های قیمت را بعداً از پرونده &gt; وارد کردن بیاورید (&amp;E)</translation>
    </message>
    <message>
        <source>Use the data already in the database</source>
        <translation>استفاده از داده‌های موجود در پایگاه داده</translation>
    </message>
    <message>
        <source>Loading simulated data...</source>
        <translation>در حال بارگذاری دادهٔ شبیه‌سازی‌شده...</translation>
    </message>
    <message>
        <source>Loaded %1 simulated assets with %2 candles.</source>
        <translation>%L1 داراییِ شبیه‌سازی‌شده با %L2 شمع بارگذاری شد.</translation>
    </message>
    <message>
        <source>&amp;Import price files now (CSV or CoinGecko JSON)</source>
        <translation>وارد کردن پرونده‌های قیمت همین حالا (CSV یا JSON از CoinGecko) (&amp;I)</translation>
    </message>
</context>
<context>
    <name>cp::ui::DatabasePage</name>
    <message>
        <source>Where should CryptoPredict keep its data?</source>
        <translation>کریپتوپردیکت داده‌هایش را کجا نگه دارد؟</translation>
    </message>
    <message>
        <source>A local file is enough for one computer. A shared PostgreSQL server lets several desktops and the API work on the same data.</source>
        <translation>برای یک رایانه یک پروندهٔ محلی بس است. یک کارساز مشترک PostgreSQL به چند رایانه و API امکان می‌دهد روی داده‌های یکسان کار کنند.</translation>
    </message>
    <message>
        <source>&amp;Local: a database file on this computer (SQLite)</source>
        <translation>محلی: یک پروندهٔ پایگاه داده روی همین رایانه (SQLite) (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Shared: a PostgreSQL server</source>
        <translation>مشترک: یک کارساز PostgreSQL (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>مرور (&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>آزمودن اتصال (&amp;T)</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>نشانی کارساز (&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>گذرواژه (&amp;P):</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>پروندهٔ پایگاه داده</translation>
    </message>
    <message>
        <source>SQLite databases (*.db)</source>
        <translation>پایگاه‌های دادهٔ SQLite (*.db)</translation>
    </message>
    <message>
        <source>Checking the keychain...</source>
        <translation>در حال بررسی جاکلیدی...</translation>
    </message>
    <message>
        <source>The password will be kept in the system keychain.</source>
        <translation>گذرواژه در جاکلیدی سامانه نگهداری می‌شود.</translation>
    </message>
    <message>
        <source>Choose a database file.</source>
        <translation>یک پروندهٔ پایگاه داده برگزینید.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s URL, as in postgresql://user@host:5432/cryptopredict.</source>
        <translation>نشانی کارساز را وارد کنید، مانند postgresql://user@host:5432/cryptopredict.</translation>
    </message>
    <message>
        <source>A shared database URL starts with postgresql://.</source>
        <translation>نشانی پایگاه دادهٔ مشترک با postgresql:// آغاز می‌شود.</translation>
    </message>
    <message>
        <source>Preparing the database...</source>
        <translation>در حال آماده‌سازی پایگاه داده...</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>در حال اتصال...</translation>
    </message>
    <message>
        <source>Host unreachable: %1 Check the host name and port, and that the server accepts connections from this computer.</source>
        <translation>میزبان در دسترس نیست: %L1 نام میزبان و درگاه را بررسی کنید و اینکه کارساز از این رایانه اتصال می‌پذیرد.</translation>
    </message>
    <message>
        <source>Authentication failed: %1 Check the user name and password.</source>
        <translation>احراز هویت ناموفق بود: %L1 نام کاربری و گذرواژه را بررسی کنید.</translation>
    </message>
    <message>
        <source>Database missing: %1 Create it first (for example: createdb NAME) or ask the server&apos;s administrator.</source>
        <translation>پایگاه داده وجود ندارد: %L1 نخست آن را بسازید (برای نمونه: createdb NAME) یا از مدیر کارساز بخواهید.</translation>
    </message>
    <message>
        <source>Schema too new: %1</source>
        <translation>طرح‌واره بیش از حد جدید است: %L1</translation>
    </message>
    <message>
        <source>Connected. The database already holds CryptoPredict data (schema version %1).</source>
        <translation>متصل شد. پایگاه داده از پیش دادهٔ کریپتوپردیکت دارد (نسخهٔ طرح‌واره %L1).</translation>
    </message>
    <message>
        <source>Connected. The database is empty and will be set up.</source>
        <translation>متصل شد. پایگاه داده خالی است و راه‌اندازی خواهد شد.</translation>
    </message>
</context>
<context>
    <name>cp::ui::DatabasePassword</name>
    <message>
        <source>Database password</source>
        <translation>گذرواژهٔ پایگاه داده</translation>
    </message>
    <message>
        <source>%1

Password for %2:</source>
        <translation>%L1

گذرواژهٔ %L2:</translation>
    </message>
</context>
<context>
    <name>cp::ui::DatabaseSummaryPanel</name>
    <message>
        <source>Database:</source>
        <translation>پایگاه داده:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>نسخهٔ طرح‌واره:</translation>
    </message>
    <message>
        <source>Assets:</source>
        <translation>دارایی‌ها:</translation>
    </message>
    <message>
        <source>Price rows:</source>
        <translation>ردیف‌های قیمت:</translation>
    </message>
    <message>
        <source>Latest price:</source>
        <translation>آخرین قیمت:</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>در حال اتصال...</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>متصل نیست: %L1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>%1 (%2 simulated)</source>
        <translation>%L1 (%L2 شبیه‌سازی‌شده)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>هنوز هیچ</translation>
    </message>
</context>
<context>
    <name>cp::ui::ExecuteSignalDialog</name>
    <message>
        <source>Execute %1 %2</source>
        <translation>اجرای %L1 %L2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2&lt;/b&gt;&lt;br&gt;Entry %3, target %4, stop %5&lt;br&gt;Your limits: position up to %6, at most %7% of the portfolio lost at the stop.</source>
        <translation>&lt;b&gt;%L1 %L2&lt;/b&gt;&lt;br&gt;ورود %L3، هدف %L4، حد ضرر %L5&lt;br&gt;محدودیت‌های شما: موقعیت تا %L6، و در صورت رسیدن به حد ضرر حداکثر %L7٪ زیان از سبد.</translation>
    </message>
    <message>
        <source>Position &amp;size:</source>
        <translation>اندازهٔ موقعیت (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Portfolio share:</source>
        <translation>سهم از سبد (&amp;P):</translation>
    </message>
    <message>
        <source>I understand the risk of this position</source>
        <translation>ریسک این موقعیت را می‌پذیرم</translation>
    </message>
    <message>
        <source>&amp;Execute</source>
        <translation>اجرا (&amp;E)</translation>
    </message>
    <message>
        <source>If the stop is hit this position loses %1% of the portfolio (limit %2%).</source>
        <translation>اگر حد ضرر فعال شود، این موقعیت %L1٪ از سبد را از دست می‌دهد (سقف %L2٪).</translation>
    </message>
</context>
<context>
    <name>cp::ui::FearGreedGauge</name>
    <message>
        <source>Fear and greed index</source>
        <translation>شاخص ترس و طمع</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>بدون داده</translation>
    </message>
    <message>
        <source>Extreme fear</source>
        <translation>ترس شدید</translation>
    </message>
    <message>
        <source>Fear</source>
        <translation>ترس</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>خنثی</translation>
    </message>
    <message>
        <source>Greed</source>
        <translation>طمع</translation>
    </message>
    <message>
        <source>Extreme greed</source>
        <translation>طمع شدید</translation>
    </message>
</context>
<context>
    <name>cp::ui::FirstRunWizard</name>
    <message>
        <source>Set up CryptoPredict</source>
        <translation>راه‌اندازی کریپتوپردیکت</translation>
    </message>
</context>
<context>
    <name>cp::ui::HomePage</name>
    <message>
        <source>Layer overview</source>
        <translation>نمای کلی لایه‌ها</translation>
    </message>
    <message>
        <source>Market overview</source>
        <translation>نمای کلی بازار</translation>
    </message>
    <message>
        <source>Fear &amp; greed index</source>
        <translation>شاخص ترس و طمع</translation>
    </message>
    <message>
        <source>Market dominance</source>
        <translation>سلطهٔ بازار</translation>
    </message>
    <message>
        <source>Total market capitalisation (billion USD), regimes shaded</source>
        <translation>ارزش کل بازار (میلیارد دلار)، با سایهٔ رژیم‌های بازار</translation>
    </message>
    <message>
        <source>Market regime</source>
        <translation>رژیم بازار</translation>
    </message>
    <message>
        <source>No analysis yet</source>
        <translation>هنوز تحلیلی انجام نشده</translation>
    </message>
    <message>
        <source>Dominance and size</source>
        <translation>سلطه و اندازه</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>هنوز داده‌ای نیست</translation>
    </message>
    <message>
        <source>%1 regime - %2 confidence</source>
        <translation>رژیم %L1 - اطمینان %L2</translation>
    </message>
    <message>
        <source>Risk %1 | trend strength %2 | recommended exposure %3 | as of %4</source>
        <translation>ریسک %L1 | قدرت روند %L2 | میزان حضور پیشنهادی %L3 | تا %L4</translation>
    </message>
    <message>
        <source>Run an analysis (cryptopredict-cli analyze) to classify the market.</source>
        <translation>برای طبقه‌بندی بازار یک تحلیل اجرا کنید (cryptopredict-cli analyze).</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;Bitcoin&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%1%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ethereum&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%2%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Stablecoins&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%3%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Altcoins&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%4%&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Total market cap&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%5&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;24h volume&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;بیت‌کوین&lt;/td&gt;&lt;td align=&apos;left&apos;&gt;&lt;b&gt;%L1٪&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;اتریوم&lt;/td&gt;&lt;td align=&apos;left&apos;&gt;&lt;b&gt;%L2٪&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;استیبل‌کوین‌ها&lt;/td&gt;&lt;td align=&apos;left&apos;&gt;&lt;b&gt;%L3٪&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;آلت‌کوین‌ها&lt;/td&gt;&lt;td align=&apos;left&apos;&gt;&lt;b&gt;%L4٪&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;ارزش کل بازار&lt;/td&gt;&lt;td align=&apos;left&apos;&gt;&lt;b&gt;%L5&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;حجم ۲۴ ساعته&lt;/td&gt;&lt;td align=&apos;left&apos;&gt;&lt;b&gt;%L6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
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
        <translation>استیبل‌کوین‌ها</translation>
    </message>
    <message>
        <source>Altcoins</source>
        <translation>آلت‌کوین‌ها</translation>
    </message>
    <message>
        <source>Total market cap</source>
        <translation>ارزش کل بازار</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>خانه</translation>
    </message>
</context>
<context>
    <name>cp::ui::ImportDialog</name>
    <message>
        <source>Import market data</source>
        <translation>وارد کردن دادهٔ بازار</translation>
    </message>
    <message>
        <source>One or more files; separate with ;</source>
        <translation>یک یا چند پرونده؛ با ; جدا کنید</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>مرور (&amp;B)...</translation>
    </message>
    <message>
        <source>Binance klines (CSV)</source>
        <translation>klineهای بایننس (CSV)</translation>
    </message>
    <message>
        <source>CoinGecko market chart / OHLC (JSON)</source>
        <translation>نمودار بازار / OHLC از CoinGecko (JSON)</translation>
    </message>
    <message>
        <source>OHLCV CSV with a header</source>
        <translation>OHLCV در قالب CSV با سطر سرستون</translation>
    </message>
    <message>
        <source>e.g. BTC</source>
        <translation>برای نمونه BTC</translation>
    </message>
    <message>
        <source>for a new asset (optional)</source>
        <translation>برای دارایی جدید (اختیاری)</translation>
    </message>
    <message>
        <source>e.g. Layer1 (optional)</source>
        <translation>برای نمونه Layer1 (اختیاری)</translation>
    </message>
    <message>
        <source>&amp;Files:</source>
        <translation>پرونده‌ها (&amp;F):</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>قالب (&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Symbol:</source>
        <translation>نماد (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>نام (&amp;N):</translation>
    </message>
    <message>
        <source>S&amp;ector:</source>
        <translation>بخش (&amp;E):</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>سطر</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>زمان (UTC)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>High</source>
        <translation>بیشینه</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>کمینه</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بسته</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>حجم</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>ارزش بازار</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>وارد کردن (&amp;I)</translation>
    </message>
    <message>
        <source>First rows as they will be imported:</source>
        <translation>نخستین ردیف‌ها، همان‌گونه که وارد خواهند شد:</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s) for %1 from %2 file(s) in %3 s.</source>
        <translation>
            <numerusform>%Ln ردیف برای %L1 از %L2 پرونده در %L3 ثانیه وارد شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>چیزی وارد نشد: %L1</translation>
    </message>
    <message>
        <source>Market data (*.csv *.json *.txt);;All files (*)</source>
        <translation>دادهٔ بازار (*.csv *.json *.txt);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>در حال خواندن %L1...</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>شناسایی‌شده: %L1</translation>
    </message>
</context>
<context>
    <name>cp::ui::Language</name>
    <message>
        <source>The language changes after a restart.</source>
        <translation>زبان پس از راه‌اندازی دوباره تغییر می‌کند.</translation>
    </message>
</context>
<context>
    <name>cp::ui::LayerCardWidget</name>
    <message>
        <source>Macro</source>
        <translation>کلان</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>بخش‌ها</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>دارایی‌ها</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>زمان‌بندی</translation>
    </message>
    <message>
        <source>Layer %1 - %2</source>
        <translation>لایهٔ %L1 - %L2</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>هنوز داده‌ای نیست</translation>
    </message>
    <message>
        <source>Run an analysis to fill this layer</source>
        <translation>برای پر شدن این لایه یک تحلیل اجرا کنید</translation>
    </message>
    <message>
        <source>Confidence %1</source>
        <translation>اطمینان %L1</translation>
    </message>
</context>
<context>
    <name>cp::ui::MainWindow</name>
    <message>
        <source>CryptoPredict</source>
        <translation>کریپتوپردیکت</translation>
    </message>
    <message>
        <source>SIMULATED DATA - generated by the demo simulator, not a real market.</source>
        <translation>دادهٔ شبیه‌سازی‌شده - ساختهٔ شبیه‌ساز نمایشی، نه بازار واقعی.</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>پیمایش</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%L1 (Ctrl+%L2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>پرونده (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خروج (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>نما (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>تازه‌سازی (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>پوستهٔ تیره (&amp;D)</translation>
    </message>
    <message>
        <source>Focus &amp;navigation</source>
        <translation>تمرکز روی پیمایش (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>تحلیل (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Run analysis</source>
        <translation>اجرای تحلیل (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>لغو تحلیل (&amp;C)</translation>
    </message>
    <message>
        <source>Starting analysis</source>
        <translation>در حال شروع تحلیل</translation>
    </message>
    <message>
        <source>Analysis written: %1 regime, %2 suggestions, %3 signals, %4 predictions.</source>
        <translation>تحلیل ثبت شد: رژیم %L1، %L2 پیشنهاد، %L3 سیگنال، %L4 پیش‌بینی.</translation>
    </message>
    <message>
        <source>Analysis not written: %1</source>
        <translation>تحلیل ثبت نشد: %L1</translation>
    </message>
    <message>
        <source>&amp;Backtest</source>
        <translation>آزمون گذشته‌نگر (&amp;B)</translation>
    </message>
    <message>
        <source>Backtesting the timing model out of sample...</source>
        <translation>در حال آزمون گذشته‌نگر مدل زمان‌بندی خارج از نمونه...</translation>
    </message>
    <message>
        <source>Backtest failed: %1</source>
        <translation>آزمون گذشته‌نگر ناموفق بود: %L1</translation>
    </message>
    <message>
        <source>Backtest written: %1 signals, %2 success, %3 average return.</source>
        <translation>آزمون گذشته‌نگر ثبت شد: %L1 سیگنال، %L2 موفقیت، میانگین بازده %L3.</translation>
    </message>
    <message>
        <source>SQLite file %1</source>
        <translation>پروندهٔ SQLite ‪%L1‬</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL ‪%L1‬</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>در حال اتصال...</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>متصل نیست</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Live: changes from other desktops and the engine arrive through PostgreSQL notifications.</source>
        <translation>زنده: تغییرات دیگر رایانه‌ها و موتور تحلیل از راه اعلان‌های PostgreSQL می‌رسد.</translation>
    </message>
    <message>
        <source>Live: changes made by this application refresh the views.</source>
        <translation>زنده: تغییراتی که این برنامه می‌دهد نماها را تازه می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>کارساز (&amp;S)</translation>
    </message>
    <message>
        <source>Serve to &amp;peers</source>
        <translation>خدمت‌دهی به همتایان (&amp;P)</translation>
    </message>
    <message>
        <source>Offer this desktop&apos;s data to other desktops over the REST and WebSocket API (address and port in Settings).</source>
        <translation>داده‌های این رایانه را از راه API ‏REST و WebSocket در اختیار رایانه‌های دیگر بگذارید (نشانی و درگاه در تنظیمات).</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>تنظیمات (&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>وارد کردن (&amp;I)...</translation>
    </message>
</context>
<context>
    <name>cp::ui::MarketStatusLabel</name>
    <message>
        <source>ok</source>
        <translation>سالم</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>ناقص</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>آفلاین</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>در انتظار</translation>
    </message>
    <message>
        <source>Market data</source>
        <translation>دادهٔ بازار</translation>
    </message>
    <message>
        <source> (last success %1)</source>
        <translation> (آخرین موفقیت %L1)</translation>
    </message>
    <message>
        <source>waiting for the first refresh</source>
        <translation>در انتظار نخستین تازه‌سازی</translation>
    </message>
    <message>
        <source>refreshing...</source>
        <translation>در حال تازه‌سازی...</translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>آخرین %L1</translation>
    </message>
    <message>
        <source>next %1</source>
        <translation>بعدی %L1</translation>
    </message>
    <message>
        <source>Market data: %1</source>
        <translation>دادهٔ بازار: %L1</translation>
    </message>
</context>
<context>
    <name>cp::ui::NotificationBell</name>
    <message>
        <source>Notifications</source>
        <translation>اعلان‌ها</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>خوانده شد (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>کنار گذاشتن (&amp;D)</translation>
    </message>
    <message>
        <source>No notifications</source>
        <translation>اعلانی نیست</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread</source>
        <translation>
            <numerusform>اعلان‌ها: %Ln خوانده‌نشده</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a notification first.</source>
        <translation>نخست یک اعلان را انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>cp::ui::PeerDesktop</name>
    <message>
        <source>Could not open the local copy of the peer&apos;s data: %1</source>
        <translation>رونوشت محلی داده‌های همتا باز نشد: %L1</translation>
    </message>
    <message>
        <source>CryptoPredict - peer %1</source>
        <translation>کریپتوپردیکت - همتای ‪%L1‬</translation>
    </message>
    <message>
        <source>CryptoPredict</source>
        <translation>کریپتوپردیکت</translation>
    </message>
    <message>
        <source>Peer: %1 (copy at %2)</source>
        <translation>همتا: ‪%L1‬ (رونوشت در ‪%L2‬)</translation>
    </message>
    <message>
        <source>%1 no longer accepts your sign-in (it expired or was revoked). Sign in again.</source>
        <translation>‪%L1‬ دیگر ورود شما را نمی‌پذیرد (منقضی یا باطل شده است). دوباره وارد شوید.</translation>
    </message>
    <message>
        <source>&amp;Peer</source>
        <translation>همتا (&amp;P)</translation>
    </message>
    <message>
        <source>Sign &amp;out and quit</source>
        <translation>خروج از حساب و بستن (&amp;O)</translation>
    </message>
</context>
<context>
    <name>cp::ui::PeerSignInDialog</name>
    <message>
        <source>Connect to a peer</source>
        <translation>اتصال به یک همتا</translation>
    </message>
    <message>
        <source>Sign in to another CryptoPredict that serves its data (&quot;cryptopredict-cli serve&quot;). This desktop then shows that peer&apos;s data and sends your actions to it.</source>
        <translation>به کریپتوپردیکت دیگری که داده‌هایش را ارائه می‌کند («cryptopredict-cli serve») وارد شوید. آنگاه این رایانه داده‌های آن همتا را نشان می‌دهد و کنش‌های شما را به آن می‌فرستد.</translation>
    </message>
    <message>
        <source>http://host:8000</source>
        <translation>http://host:8000</translation>
    </message>
    <message>
        <source>Peer &amp;address:</source>
        <translation>نشانی همتا (&amp;A):</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>رایانامه (&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>گذرواژه (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>اتصال (&amp;C)</translation>
    </message>
    <message>
        <source>Enter the peer&apos;s address, e.g. http://analysis-server:8000.</source>
        <translation>نشانی همتا را وارد کنید، برای نمونه http://analysis-server:8000.</translation>
    </message>
    <message>
        <source>Enter your e-mail address and password on the peer.</source>
        <translation>نشانی رایانامه و گذرواژهٔ خود در همتا را وارد کنید.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>در حال اتصال به ‪%L1‬...</translation>
    </message>
</context>
<context>
    <name>cp::ui::PeerStatusLabel</name>
    <message>
        <source>Peer connection</source>
        <translation>اتصال همتا</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>متصل به ‪%L1‬</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%L1: %L2</translation>
    </message>
</context>
<context>
    <name>cp::ui::PredictionsPage</name>
    <message>
        <source>Layer</source>
        <translation>لایه</translation>
    </message>
    <message>
        <source>Horizon (h)</source>
        <translation>افق (ساعت)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>پیش‌بینی‌ها</translation>
    </message>
    <message>
        <source>Realised</source>
        <translation>محقق‌شده</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>نرخ درستی</translation>
    </message>
    <message>
        <source>Naive hit rate</source>
        <translation>نرخ درستی ساده</translation>
    </message>
    <message>
        <source>Mean error %</source>
        <translation>میانگین خطا ٪</translation>
    </message>
    <message>
        <source>Naive error %</source>
        <translation>خطای ساده ٪</translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation>میانگین اطمینان</translation>
    </message>
    <message>
        <source>Made</source>
        <extracomment>Column: when the prediction was made</extracomment>
        <translation>ساخته‌شده در</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>دارایی</translation>
    </message>
    <message>
        <source>Price then</source>
        <translation>قیمت در آن زمان</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>پیش‌بینی‌شده</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>واقعی</translation>
    </message>
    <message>
        <source>Accuracy %</source>
        <translation>دقت ٪</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>اطمینان</translation>
    </message>
    <message>
        <source>Due</source>
        <extracomment>Column: when the predicted price is due</extracomment>
        <translation>سررسید</translation>
    </message>
    <message>
        <source>Prediction accuracy</source>
        <translation>دقت پیش‌بینی</translation>
    </message>
    <message>
        <source>Hit rate against the naive baseline</source>
        <translation>نرخ درستی در برابر مبنای ساده</translation>
    </message>
    <message>
        <source>No prediction has been evaluated yet</source>
        <translation>هنوز هیچ پیش‌بینی‌ای ارزیابی نشده است</translation>
    </message>
    <message>
        <source>Naive baseline</source>
        <translation>مبنای ساده</translation>
    </message>
</context>
<context>
    <name>cp::ui::SectorsPage</name>
    <message>
        <source>Sector</source>
        <translation>بخش</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>تکانه</translation>
    </message>
    <message>
        <source>24h</source>
        <translation>۲۴ ساعت</translation>
    </message>
    <message>
        <source>7d</source>
        <translation>۷ روز</translation>
    </message>
    <message>
        <source>30d</source>
        <translation>۳۰ روز</translation>
    </message>
    <message>
        <source>Dominance %</source>
        <translation>سلطه ٪</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>ارزش بازار</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>حجم</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>تا تاریخ</translation>
    </message>
    <message>
        <source>Sector performance</source>
        <translation>عملکرد بخش‌ها</translation>
    </message>
    <message>
        <source>Performance by sector</source>
        <translation>عملکرد به تفکیک بخش</translation>
    </message>
    <message>
        <source>Sector rotation</source>
        <translation>چرخش بخش‌ها</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Leading:</source>
        <translation>پیشرو:</translation>
    </message>
    <message>
        <source>Declining:</source>
        <translation>رو به افت:</translation>
    </message>
    <message>
        <source>Rotation probability:</source>
        <translation>احتمال چرخش:</translation>
    </message>
    <message>
        <source>Recommended allocation</source>
        <translation>تخصیص پیشنهادی</translation>
    </message>
    <message>
        <source>Select a sector to see its history and members</source>
        <translation>برای دیدن تاریخچه و اعضای یک بخش آن را انتخاب کنید</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>نماد</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>قیمت</translation>
    </message>
    <message>
        <source>Volume 24h</source>
        <translation>حجم ۲۴ ساعته</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>رده</translation>
    </message>
    <message>
        <source>Member assets</source>
        <translation>دارایی‌های عضو</translation>
    </message>
    <message>
        <source>History</source>
        <translation>تاریخچه</translation>
    </message>
    <message>
        <source>No rotation analysis yet</source>
        <translation>هنوز تحلیل چرخشی انجام نشده</translation>
    </message>
    <message>
        <source>7d performance</source>
        <translation>عملکرد ۷ روزه</translation>
    </message>
    <message>
        <source>Momentum x 100</source>
        <translation>تکانه × ۱۰۰</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>بخش‌ها</translation>
    </message>
</context>
<context>
    <name>cp::ui::ServeStatusLabel</name>
    <message>
        <source>Serve to peers</source>
        <translation>خدمت‌دهی به همتایان</translation>
    </message>
    <message>
        <source>Other CryptoPredict desktops can use %1 as their data source.</source>
        <translation>رایانه‌های دیگرِ دارای کریپتوپردیکت می‌توانند ‪%L1‬ را منبع دادهٔ خود کنند.</translation>
    </message>
</context>
<context>
    <name>cp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>عمومی (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>پایگاه داده (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Market data</source>
        <translation>دادهٔ بازار (&amp;M)</translation>
    </message>
    <message>
        <source>Serve to &amp;peers</source>
        <translation>خدمت‌دهی به همتایان (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>مدیریت (&amp;A)</translation>
    </message>
    <message>
        <source>Checking the keychain...</source>
        <translation>در حال بررسی جاکلیدی...</translation>
    </message>
    <message>
        <source>Passwords and keys are kept in the system keychain.</source>
        <translation>گذرواژه‌ها و کلیدها در جاکلیدی سامانه نگهداری می‌شوند.</translation>
    </message>
    <message>
        <source>(stored in the keychain; type to replace, clear to remove)</source>
        <translation>(در جاکلیدی ذخیره است؛ برای جایگزینی بنویسید، برای حذف پاک کنید)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>پیش‌فرض سامانه</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>میلادی</translation>
    </message>
    <message>
        <source>Persian (Jalali)</source>
        <translation>خورشیدی (جلالی)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>زبان (&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Calendar:</source>
        <translation>گاه‌شمار (&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>پوسته (&amp;T):</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(بدون تغییر)</translation>
    </message>
    <message>
        <source>Run the setup &amp;wizard again...</source>
        <translation>اجرای دوبارهٔ دستیار راه‌اندازی (&amp;W)...</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>پایگاه داده:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>گذرواژه (&amp;P):</translation>
    </message>
    <message>
        <source>Fetch &amp;live market data</source>
        <translation>دریافت دادهٔ زندهٔ بازار (&amp;L)</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> در دقیقه</translation>
    </message>
    <message>
        <source>BTCUSDT, ETHUSDT (empty: the tier-1 watchlist, for gap fills and the live stream)</source>
        <translation>BTCUSDT, ETHUSDT (خالی: فهرست دیده‌بانی ردهٔ ۱، برای پر کردن شکاف‌ها و جریان زنده)</translation>
    </message>
    <message>
        <source>(none; the public API needs no key)</source>
        <translation>(هیچ؛ API عمومی کلید نمی‌خواهد)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقیقه</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <source>&amp;Analyse after each refresh</source>
        <translation>تحلیل پس از هر تازه‌سازی (&amp;A)</translation>
    </message>
    <message>
        <source>CoinGecko address:</source>
        <translation>نشانی CoinGecko:</translation>
    </message>
    <message>
        <source>CoinGecko API &amp;key:</source>
        <translation>کلید API ‏CoinGecko (&amp;K):</translation>
    </message>
    <message>
        <source>CoinGecko &amp;requests:</source>
        <translation>درخواست‌های CoinGecko (&amp;R):</translation>
    </message>
    <message>
        <source>Binance REST address:</source>
        <translation>نشانی REST بایننس:</translation>
    </message>
    <message>
        <source>Binance stream address:</source>
        <translation>نشانی جریان دادهٔ بایننس:</translation>
    </message>
    <message>
        <source>Binance &amp;symbols:</source>
        <translation>نمادهای بایننس (&amp;S):</translation>
    </message>
    <message>
        <source>Fear &amp;&amp; Greed address:</source>
        <translation>نشانی شاخص ترس و طمع:</translation>
    </message>
    <message>
        <source>Re&amp;fresh every:</source>
        <translation>تازه‌سازی هر (&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Evaluate predictions every:</source>
        <translation>ارزیابی پیش‌بینی‌ها هر (&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Offer this instance&apos;s API to other desktops</source>
        <translation>ارائهٔ API این نمونه به رایانه‌های دیگر (&amp;O)</translation>
    </message>
    <message>
        <source>127.0.0.1 accepts connections from this computer only; 0.0.0.0 from the whole network.</source>
        <translation>127.0.0.1 فقط از همین رایانه اتصال می‌پذیرد؛ 0.0.0.0 از کل شبکه.</translation>
    </message>
    <message>
        <source>Listen on &amp;address:</source>
        <translation>گوش دادن روی نشانی (&amp;A):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>درگاه (&amp;O):</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>در حال ذخیره...</translation>
    </message>
    <message>
        <source>Some settings were not saved: %1</source>
        <translation>برخی تنظیمات ذخیره نشد: %L1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
    <message>
        <source>The setup is saved. CryptoPredict uses the new database after a restart.</source>
        <translation>راه‌اندازی ذخیره شد. کریپتوپردیکت پس از راه‌اندازی دوباره از پایگاه دادهٔ جدید استفاده می‌کند.</translation>
    </message>
    <message>
        <source>Public (no key)</source>
        <translation>عمومی (بی‌کلید)</translation>
    </message>
    <message>
        <source>Demo key</source>
        <translation>کلید آزمایشی</translation>
    </message>
    <message>
        <source>Pro key</source>
        <translation>کلید حرفه‌ای</translation>
    </message>
    <message>
        <source> coins</source>
        <translation> رمزارز</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>۱ ساعت</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>۱ روز</translation>
    </message>
    <message>
        <source>CoinGecko p&amp;lan:</source>
        <translation>طرح CoinGecko (&amp;L):</translation>
    </message>
    <message>
        <source>CoinGecko coi&amp;ns kept current:</source>
        <translation>شمار رمزارزهای به‌روز در CoinGecko (&amp;N):</translation>
    </message>
    <message>
        <source>Binance &amp;bar length:</source>
        <translation>طول میلهٔ بایننس (&amp;B):</translation>
    </message>
</context>
<context>
    <name>cp::ui::SignIn</name>
    <message>
        <source>The e-mail address or password is not correct.</source>
        <translation>نشانی رایانامه یا گذرواژه درست نیست.</translation>
    </message>
    <message>
        <source>This account is disabled; ask an admin.</source>
        <translation>این حساب غیرفعال است؛ از مدیر بخواهید.</translation>
    </message>
    <message>
        <source>This database already has an admin; sign in instead.</source>
        <translation>این پایگاه داده از پیش مدیر دارد؛ به‌جای آن وارد شوید.</translation>
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation>یک نشانی رایانامه وارد کنید.</translation>
    </message>
</context>
<context>
    <name>cp::ui::SignInDialog</name>
    <message>
        <source>Sign in to CryptoPredict</source>
        <translation>ورود به کریپتوپردیکت</translation>
    </message>
    <message>
        <source>Sign in with your e-mail address and password.</source>
        <translation>با نشانی رایانامه و گذرواژهٔ خود وارد شوید.</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>تکرار گذرواژه (&amp;R):</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>رایانامه (&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>گذرواژه (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>ورود (&amp;S)</translation>
    </message>
    <message>
        <source>Continue as &amp;guest</source>
        <translation>ادامه به‌عنوان مهمان (&amp;G)</translation>
    </message>
    <message>
        <source>Create the first admin</source>
        <translation>ساخت نخستین مدیر</translation>
    </message>
    <message>
        <source>This database has no admin yet. Choose the e-mail address and password of the first one (at least 10 characters).</source>
        <translation>این پایگاه داده هنوز مدیری ندارد. نشانی رایانامه و گذرواژهٔ نخستین مدیر را برگزینید (دست‌کم ۱۰ نویسه).</translation>
    </message>
    <message>
        <source>&amp;Create admin</source>
        <translation>ساخت مدیر (&amp;C)</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>در حال باز کردن پایگاه داده...</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
    <message>
        <source>Creating the admin...</source>
        <translation>در حال ساخت مدیر...</translation>
    </message>
    <message>
        <source>Signing in...</source>
        <translation>در حال ورود...</translation>
    </message>
    <message>
        <source>Connect to a &amp;peer...</source>
        <translation>اتصال به یک همتا (&amp;P)...</translation>
    </message>
</context>
<context>
    <name>cp::ui::SignalPerformancePanel</name>
    <message>
        <source>Loading performance...</source>
        <translation>در حال بارگذاری عملکرد...</translation>
    </message>
    <message>
        <source>Backtest performance</source>
        <translation>عملکرد آزمون گذشته‌نگر</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>گروه</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>سیگنال‌ها</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>نرخ موفقیت</translation>
    </message>
    <message>
        <source>Average return</source>
        <translation>میانگین بازده</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>No backtest has been run yet. Run Analysis &gt; Backtest or `cryptopredict-cli backtest` to measure the signals out of sample.</source>
        <translation>هنوز آزمون گذشته‌نگری اجرا نشده است. برای سنجش سیگنال‌ها خارج از نمونه، تحلیل &gt; آزمون گذشته‌نگر یا `cryptopredict-cli backtest` را اجرا کنید.</translation>
    </message>
    <message>
        <source>Out-of-sample backtest of %1 (version %2), confidence at least %3.</source>
        <translation>آزمون گذشته‌نگر خارج از نمونهٔ %L1 (نسخهٔ %L2)، اطمینان دست‌کم %L3.</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>کل</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>ریسک: %L1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>مدل: %L1</translation>
    </message>
    <message>
        <source>Live record: no closed signals yet (`cryptopredict-cli evaluate` closes expired signals).</source>
        <translation>کارنامهٔ زنده: هنوز سیگنال بسته‌شده‌ای نیست (`cryptopredict-cli evaluate` سیگنال‌های منقضی را می‌بندد).</translation>
    </message>
    <message numerus="yes">
        <source>Live record: %n closed signal(s): %1 target hit, %2 stopped, %3 expired; average return %4.</source>
        <translation>
            <numerusform>کارنامهٔ زنده: %Ln سیگنال بسته‌شده: %L1 رسیده به هدف، %L2 با حد ضرر، %L3 منقضی؛ میانگین بازده %L4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::ui::SignalsPage</name>
    <message>
        <source>Asset</source>
        <translation>دارایی</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>جهت</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>اطمینان</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>ریسک</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>هدف</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>حد ضرر</translation>
    </message>
    <message>
        <source>To target</source>
        <translation>تا هدف</translation>
    </message>
    <message>
        <source>Reward/risk</source>
        <translation>بازده/ریسک</translation>
    </message>
    <message>
        <source>Horizon (h)</source>
        <translation>افق (ساعت)</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>ایجادشده در</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>انقضا</translation>
    </message>
    <message>
        <source>Active signals</source>
        <translation>سیگنال‌های فعال</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>اجراشده</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Portfolio %</source>
        <translation>سبد ٪</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>سیگنال</translation>
    </message>
    <message>
        <source>My executions</source>
        <translation>اجراهای من</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>عملکرد</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>هر ریسکی</translation>
    </message>
    <message>
        <source>Long and short</source>
        <translation>خرید و فروش</translation>
    </message>
    <message>
        <source>Minimum &amp;confidence:</source>
        <translation>حداقل اطمینان (&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Risk:</source>
        <translation>ریسک (&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>جهت (&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Execute...</source>
        <translation>اجرا (&amp;E)...</translation>
    </message>
    <message>
        <source>Sign in to execute signals</source>
        <translation>برای اجرای سیگنال‌ها وارد شوید</translation>
    </message>
    <message>
        <source>Select a signal</source>
        <translation>یک سیگنال انتخاب کنید</translation>
    </message>
    <message>
        <source>Select a signal to see its price chart</source>
        <translation>برای دیدن نمودار قیمت یک سیگنال آن را انتخاب کنید</translation>
    </message>
    <message>
        <source>No active signals</source>
        <translation>سیگنال فعالی نیست</translation>
    </message>
    <message>
        <source>&lt;p&gt;The timing layer has no open signal. Signals appear after an analysis finds an entry whose calibrated confidence passes the threshold.&lt;/p&gt;</source>
        <translation>&lt;p&gt;لایهٔ زمان‌بندی سیگنال بازی ندارد. سیگنال‌ها وقتی پدیدار می‌شوند که تحلیلی نقطهٔ ورودی بیابد که اطمینان کالیبره‌شده‌اش از آستانه بگذرد.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 of %2 signals</source>
        <translation>%L1 از %L2 سیگنال</translation>
    </message>
    <message>
        <source>%1 %2 - %3 confidence</source>
        <translation>%L1 %L2 - اطمینان %L3</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Entry&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Target&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;Stop&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Risk&lt;/b&gt; %4 &amp;nbsp; &lt;b&gt;Reward/risk&lt;/b&gt; %5 &amp;nbsp; &lt;b&gt;Horizon&lt;/b&gt; %6 h&lt;/p&gt;&lt;h4&gt;Key factors&lt;/h4&gt;%7&lt;h4&gt;Market context&lt;/h4&gt;%8</source>
        <translation>&lt;p&gt;&lt;b&gt;ورود&lt;/b&gt; %L1 &amp;nbsp; &lt;b&gt;هدف&lt;/b&gt; %L2 &amp;nbsp; &lt;b&gt;حد ضرر&lt;/b&gt; %L3&lt;br&gt;&lt;b&gt;ریسک&lt;/b&gt; %L4 &amp;nbsp; &lt;b&gt;بازده/ریسک&lt;/b&gt; %L5 &amp;nbsp; &lt;b&gt;افق&lt;/b&gt; %L6 ساعت&lt;/p&gt;&lt;h4&gt;عوامل کلیدی&lt;/h4&gt;%L7&lt;h4&gt;شرایط بازار&lt;/h4&gt;%L8</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>سیگنال‌ها</translation>
    </message>
</context>
<context>
    <name>cp::ui::StatusPanel</name>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Cancel the running analysis</source>
        <translation>لغو تحلیل در حال اجرا</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%L1 (%L2)</translation>
    </message>
    <message>
        <source>Last analysis: %1</source>
        <translation>آخرین تحلیل: %L1</translation>
    </message>
    <message>
        <source>Last analysis: never</source>
        <translation>آخرین تحلیل: هرگز</translation>
    </message>
</context>
<context>
    <name>cp::ui::SuggestionsPage</name>
    <message>
        <source>Asset</source>
        <translation>دارایی</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>پیشنهاد</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>اطمینان</translation>
    </message>
    <message>
        <source>Current tier</source>
        <translation>ردهٔ کنونی</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>پیشنهادشده در</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>انقضا</translation>
    </message>
    <message>
        <source>Pending suggestions</source>
        <translation>پیشنهادهای در انتظار</translation>
    </message>
    <message>
        <source>Most confident first</source>
        <translation>نخست مطمئن‌ترین‌ها</translation>
    </message>
    <message>
        <source>Expiring first</source>
        <translation>نخست نزدیک‌ترین به انقضا</translation>
    </message>
    <message>
        <source>Suggested tier</source>
        <translation>ردهٔ پیشنهادی</translation>
    </message>
    <message>
        <source>Tier 1</source>
        <translation>ردهٔ ۱</translation>
    </message>
    <message>
        <source>Tier 2</source>
        <translation>ردهٔ ۲</translation>
    </message>
    <message>
        <source>Place an approved addition or promotion in another tier</source>
        <translation>افزودن یا ارتقای تأییدشده را در رده‌ای دیگر قرار دهید</translation>
    </message>
    <message>
        <source>Review notes (optional)</source>
        <translation>یادداشت بررسی (اختیاری)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>تأیید (&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>رد (&amp;J)</translation>
    </message>
    <message>
        <source>De&amp;fer</source>
        <translation>تعویق (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>مرتب‌سازی (&amp;S):</translation>
    </message>
    <message>
        <source>Select a suggestion</source>
        <translation>یک پیشنهاد انتخاب کنید</translation>
    </message>
    <message>
        <source>Score components (z-scores)</source>
        <translation>اجزای امتیاز (امتیاز z)</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>بررسی‌شده در</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>تصمیم</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>بررسی‌کننده</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>استدلال</translation>
    </message>
    <message>
        <source>Recent reviews</source>
        <translation>بررسی‌های اخیر</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%Ln در انتظار</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue is empty</source>
        <translation>صف خالی است</translation>
    </message>
    <message>
        <source>&lt;p&gt;No suggestion is waiting for review.&lt;/p&gt;</source>
        <translation>&lt;p&gt;هیچ پیشنهادی در انتظار بررسی نیست.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Only a signed-in admin can review</source>
        <translation>فقط مدیرِ واردشده می‌تواند بررسی کند</translation>
    </message>
    <message>
        <source>&amp;Approve %1</source>
        <translation>تأیید %L1 (&amp;A)</translation>
    </message>
    <message>
        <source>%1: %2 (%3 confidence)</source>
        <translation>%L1: %L2 (اطمینان %L3)</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>امتیاز z</translation>
    </message>
    <message>
        <source>Only a signed-in admin can review suggestions.</source>
        <translation>فقط مدیرِ واردشده می‌تواند پیشنهادها را بررسی کند.</translation>
    </message>
    <message>
        <source>Select one or more suggestions first.</source>
        <translation>نخست یک یا چند پیشنهاد را انتخاب کنید.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) reviewed.</source>
        <translation>
            <numerusform>%Ln پیشنهاد بررسی شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>پیشنهادها</translation>
    </message>
</context>
<context>
    <name>cp::ui::WatchlistsPage</name>
    <message>
        <source>Watchlist</source>
        <translation>فهرست دیده‌بانی</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>اقلام</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>سقف</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>رده</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>دارایی</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>قیمت</translation>
    </message>
    <message>
        <source>24h</source>
        <translation>۲۴ ساعت</translation>
    </message>
    <message>
        <source>AI confidence</source>
        <translation>اطمینان هوش مصنوعی</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>ریسک</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>ارزش بازار</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <source>Tier 1</source>
        <translation>ردهٔ ۱</translation>
    </message>
    <message>
        <source>Tier 2</source>
        <translation>ردهٔ ۲</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>افزودن (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>حذف (&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>بالا بردن (&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>پایین بردن (&amp;W)</translation>
    </message>
    <message>
        <source>Select an asset to see its chart</source>
        <translation>برای دیدن نمودار یک دارایی آن را انتخاب کنید</translation>
    </message>
    <message>
        <source>RSI (14)</source>
        <translation>RSI (۱۴)</translation>
    </message>
    <message>
        <source>MACD (12, 26, 9)</source>
        <translation>MACD (۱۲، ۲۶، ۹)</translation>
    </message>
    <message>
        <source>No watchlists yet: approving a suggestion creates the tier lists.</source>
        <translation>هنوز فهرست دیده‌بانی‌ای نیست: تأیید یک پیشنهاد فهرست‌های رده را می‌سازد.</translation>
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
        <translation>خط سیگنال</translation>
    </message>
    <message>
        <source>Only an admin can change watchlists.</source>
        <translation>فقط مدیر می‌تواند فهرست‌های دیده‌بانی را تغییر دهد.</translation>
    </message>
    <message>
        <source>Choose a watchlist and an asset first.</source>
        <translation>نخست یک فهرست دیده‌بانی و یک دارایی برگزینید.</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%L1 افزوده شد.</translation>
    </message>
    <message>
        <source>Select an item first.</source>
        <translation>نخست یک قلم را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Item removed.</source>
        <translation>قلم حذف شد.</translation>
    </message>
    <message>
        <source>Order saved.</source>
        <translation>ترتیب ذخیره شد.</translation>
    </message>
    <message>
        <source>Watchlists</source>
        <translation>فهرست‌های دیده‌بانی</translation>
    </message>
    <message>
        <source>A peer&apos;s watchlists cannot be edited from this desktop yet.</source>
        <translation>فهرست‌های دیده‌بانی همتا هنوز از این رایانه ویرایش‌پذیر نیستند.</translation>
    </message>
</context>
<context>
    <name>cp::ui::charts::ChartView</name>
    <message>
        <source>No data yet</source>
        <translation>هنوز داده‌ای نیست</translation>
    </message>
</context>
<context>
    <name>cp::ui::charts::PriceChart</name>
    <message>
        <source>Bollinger upper</source>
        <translation>باند بالای بولینگر</translation>
    </message>
    <message>
        <source>Bollinger lower</source>
        <translation>باند پایین بولینگر</translation>
    </message>
    <message>
        <source>EMA %1</source>
        <translation>EMA %L1</translation>
    </message>
</context>
</TS>
