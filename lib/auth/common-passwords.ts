// Passwords and base words that appear at the top of every leaked-password list (SecLists'
// 10k most common, the Chinese sites' lists of the 2011 CSDN/Tianya leaks, NCSC's top 100k),
// kept to what matters once a password must have 12 characters: the long common ones as a
// whole, and the short ones as the "base" that people pad with digits and symbols
// ("password2024!", "qwerty123456", "woaini1314520"). No package in node_modules ships such a
// list and the project adds no dependency, so this is a hand-kept short list plus the pattern
// rules of lib/auth/password.ts (repeats, sequences, keyboard rows, the e-mail, the portal).

/** Whole passwords of 12+ characters, lower case. */
export const COMMON_LONG_PASSWORDS: readonly string[] = [
  "123456789012", "1234567890123", "12345678901234", "123456789123", "123123123123", "111111111111",
  "000000000000", "147258369147", "123456654321", "123456123456", "987654321098", "112233445566",
  "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdf", "qwertyuiopasdfghjkl", "asdfghjkl123", "zxcvbnm12345",
  "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "qazwsxedcrfv", "qazwsxedc123", "zaq12wsxcde3", "1q2w3e4r5t6y",
  "1q2w3e4r5t6y7u", "q1w2e3r4t5y6", "a1b2c3d4e5f6", "abcdefghijkl", "abcd1234abcd", "abc123abc123",
  "password1234", "password12345", "password123456", "passwordpassword", "password123!", "password@123",
  "p@ssw0rd1234", "p@ssword1234", "passw0rd1234", "mypassword123", "thisismypassword", "changeme1234",
  "iloveyou1234", "iloveyouforever", "iloveyou123456", "welcome12345", "welcome123456", "letmein12345",
  "administrator", "administrator1", "admin1234567", "admin123456789", "adminadmin123", "rootroot1234",
  "sunshine1234", "princess1234", "football1234", "baseball1234", "superman1234", "starwars1234",
  "trustno1trustno1", "monkey123456", "dragon123456", "master123456", "shadow123456", "michael12345",
  "woaini1314520", "woaini520520", "woainiwoaini", "5201314520", "52013145201314", "1314520520",
  "wodemima1234", "mimamima1234", "zhangwei1234", "wangfang1234", "aini1314aini", "a123456789012",
  "aa1234567890", "qq1234567890", "qq123456789", "abc1234567890", "zxc123456789", "asd123456789",
  "qwe123456789", "qweasdzxc123", "qweasdzxcvbn", "1234qwerasdf", "1234qwerasdfzxcv", "qwer1234asdf",
  "letmeinplease", "correcthorsebatterystaple", "00000000000000", "999999999999", "888888888888",
  "666666666666", "121212121212", "131313131313", "696969696969", "789456123789", "741852963741",
  "159753159753", "147852369147", "asdfasdfasdf", "qwerqwerqwer", "zxcvzxcvzxcv", "testtest1234",
  "test12345678", "guest1234567", "user12345678", "default12345", "computer1234", "internet1234",
];

/**
 * Short common passwords and words: a password that is one of these with only digits,
 * symbols, spaces or a repeat of itself added (or leet-speak: 0 for o, @ for a, ...) is refused.
 */
export const COMMON_BASE_WORDS: readonly string[] = [
  "password", "passwd", "passw0rd", "pass", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm",
  "qazwsx", "qweasd", "abc", "abcd", "abcdef", "admin", "administrator", "root", "user", "guest", "test", "demo",
  "login", "welcome", "letmein", "iloveyou", "love", "lovely", "loveme", "monkey", "dragon", "master", "shadow",
  "sunshine", "princess", "football", "baseball", "basketball", "soccer", "superman", "batman", "starwars",
  "pokemon", "charlie", "michael", "jessica", "jennifer", "daniel", "thomas", "jordan", "hunter", "ranger",
  "killer", "freedom", "whatever", "trustno", "secret", "hello", "hellokitty", "flower", "summer", "winter",
  "spring", "autumn", "changeme", "default", "computer", "internet", "server", "access", "mustang", "harley",
  "cookie", "cheese", "pepper", "ginger", "banana", "orange", "apple", "chocolate", "butterfly", "angel",
  "family", "friends", "forever", "happy", "lucky", "money", "samsung", "huawei", "xiaomi", "google",
  "microsoft", "windows", "linux", "china", "beijing", "shanghai", "guangzhou", "shenzhen", "guangdong",
  "woaini", "wodemima", "mima", "aini", "nihao", "zhang", "wang", "li", "liu", "chen", "yang", "huang",
  "zhao", "zhou", "wu", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zhongguo",
  "baobao", "laopo", "laogong", "qq", "tencent", "wechat", "weixin", "taobao", "alibaba", "baidu",
  "office", "company", "invest", "investment", "park", "parks", "staff", "officer", "manager", "portal",
  "jiangmen", "kaiping", "taishan", "enping", "heshan", "xinhui", "pengjiang", "jianghai", "government",
];
