// Twitter's reference implementation, for Tests/Domain/TwitterText/DifferentialTests.cs: reads a JSON array of texts
// on stdin, writes a JSON array of what twitter-text 3.1.0 says of each (parseTweet with its default v3 configuration,
// and every extractor with indices) on stdout. One process answers the whole batch.
'use strict';
const twitter = require('twitter-text');

const kind = e => (e.url !== undefined ? 'url' : e.hashtag !== undefined ? 'hashtag' : e.cashtag !== undefined ? 'cashtag' : e.listSlug ? 'list' : 'mention');
const value = e => e.url ?? e.hashtag ?? e.cashtag ?? e.screenName;
const spans = entities => entities.map(e => [kind(e), e.indices[0], e.indices[1], value(e), e.listSlug || '']);

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => (input += chunk));
process.stdin.on('end', () => {
  const answers = JSON.parse(input).map(text => {
    const parsed = twitter.parseTweet(text);
    return {
      weightedLength: parsed.weightedLength,
      valid: parsed.valid,
      permillage: parsed.permillage,
      validRangeEnd: parsed.validRangeEnd,
      displayRangeEnd: parsed.displayRangeEnd,
      entities: spans(twitter.extractEntitiesWithIndices(text)),
      urls: spans(twitter.extractUrlsWithIndices(text)),
      hashtags: spans(twitter.extractHashtagsWithIndices(text)),
      mentions: spans(twitter.extractMentionsOrListsWithIndices(text)),
      cashtags: spans(twitter.extractCashtagsWithIndices(text)),
    };
  });
  process.stdout.write(JSON.stringify(answers));
});
