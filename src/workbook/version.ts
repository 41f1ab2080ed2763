// Version du complément inscrite dans la provenance des classeurs (égale à package.json, vérifié par un test).
export const VERSION_COMPLEMENT = '0.2.0';
