const fs=require("fs");const dir=process.argv[2];const f=fs.readdirSync(dir).map(f=>dir+"/"+f).sort((a,b)=>fs.statSync(b).size-fs.statSync(a).size)[0];
const p=JSON.parse(fs.readFileSync(f));const byId=new Map(p.nodes.map(n=>[n.id,n]));
const dt=p.timeDeltas;const counts=new Map();p.samples.forEach((s,i)=>counts.set(s,(counts.get(s)||0)+(dt[i]||0)));
const self=new Map();for(const [id,t] of counts){const n=byId.get(id);const k=n.callFrame.functionName+" "+n.callFrame.url.replace(/.*node_modules\//,"nm:").replace(/.*\/work\/(main|wt\/[^/]+)\//,"")+":"+n.callFrame.lineNumber;self.set(k,(self.get(k)||0)+t);}
// inclusive by package
const parent=new Map();for(const n of p.nodes)for(const c of (n.children||[]))parent.set(c,n.id);
const pkg=new Map();for(const [id,t] of counts){let n=byId.get(id);const seen=new Set();let cur=id;while(cur!==undefined){const nn=byId.get(cur);let u=nn.callFrame.url;let m=u.match(/node_modules\/((@[^/]+\/)?[^/]+)/);let key=m?m[1]:(/\/work\/(main|wt\/[^/]+)\/src/.test(u)?"src/"+u.split("/src/")[1].split("/")[0]:null);if(key&&!seen.has(key)){seen.add(key);pkg.set(key,(pkg.get(key)||0)+t);}cur=parent.get(cur);}}
const tot=[...counts.values()].reduce((a,b)=>a+b,0);
console.log("file",f,"total ms",(tot/1000).toFixed(0));
[...self.entries()].sort((a,b)=>b[1]-a[1]).slice(0,+process.argv[3]||30).forEach(([k,v])=>console.log((v/1000).toFixed(0).padStart(6)+"ms "+(100*v/tot).toFixed(1).padStart(5)+"% "+k));
console.log("--- inclusive by package");
[...pkg.entries()].sort((a,b)=>b[1]-a[1]).slice(0,20).forEach(([k,v])=>console.log((v/1000).toFixed(0).padStart(6)+"ms "+(100*v/tot).toFixed(1).padStart(5)+"% "+k));
