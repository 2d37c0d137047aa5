/** What other slices may use of the public feed: the portal shows its latest items. */
export { feedItemOf, FeedItem, LatestItemsQuery } from './feed-queries';
