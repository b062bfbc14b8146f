import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const telegramBotToken = secretRule({
  id: 'secret.telegram-bot-token',
  title: 'Telegram bot token',
  severity: 'medium',
  what: 'Finds Telegram Bot API tokens: the bot id (8–10 digits), a colon, and 35 characters starting with AA.',
  why: 'The token controls the bot: it reads the chats the bot is in (alert channels) and posts as it.',
  remediation: 'Revoke the token with @BotFather (/revoke) and read the new one from the environment.',
  anchors: [':aa'],
  pattern: token('\\d{8,10}:AA[A-Za-z0-9_-]{33}'),
  bad: [{ file: 'alerts/telegram.py', code: 'bot = Bot("123456789:AAFAKELJcEqrpcn8miWgR5t-7e2UtAK1Bpp")\n' }],
  good: [{ file: 'alerts/telegram.py', code: 'bot = Bot(os.environ["TELEGRAM_BOT_TOKEN"])\n' }],
  references: ['https://core.telegram.org/bots/api#authorizing-your-bot', 'https://cwe.mitre.org/data/definitions/798.html'],
});
