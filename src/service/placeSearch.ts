/** @module Place search for the list endpoints: it lives in model/placeSearch.ts (pure, so the published web copy searches the same way); re-exported here for service/ and api/. */
export * from '../model/placeSearch.ts'
